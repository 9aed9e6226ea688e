//! End-to-end checks of the quote forms of French news, through `analyze`.

use crate::model::QuoteKind;

/// (text, kind, speaker) of each quote of `text`.
fn quotes(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
    let doc = crate::analyze(text);
    doc.quotes
        .iter()
        .map(|q| {
            (
                q.span.text(&doc.text).to_string(),
                q.kind,
                q.speaker.clone(),
            )
        })
        .collect()
}

#[test]
fn direct_quote_with_inverted_pronoun() {
    let q =
        quotes("Sergueï Lebedev est à Moscou.\n\n« La coopération est utile », a-t-il relevé.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "La coopération est utile");
    assert_eq!(q[0].1, QuoteKind::Direct);
    assert_eq!(q[0].2.as_deref(), Some("Sergueï Lebedev"));
}

const TITLE: &str = "Titre de la dépêche\n\n";

fn body(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
    quotes(&format!("{TITLE}{text}"))
}

/// The speaker of the first quote of `text` under a title.
fn first_speaker(text: &str) -> Option<String> {
    body(text).into_iter().next().and_then(|q| q.2)
}

#[test]
fn unquoted_content_then_inverted_attribution_with_a_name() {
    let q = body("La Chine est prête à coopérer, a déclaré jeudi le ministre chinois des Affaires étrangères, Qin Gang.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "La Chine est prête à coopérer");
    assert_eq!(q[0].1, QuoteKind::Indirect);
    assert_eq!(q[0].2.as_deref(), Some("Qin Gang"));
}

#[test]
fn que_clauses_make_one_quote_and_pronouns_follow_the_speaker() {
    let q = body("M. Sergueï Lavrov a noté que la Russie était prête et qu'elle voulait agir.\n\nIl a aussi souligné que le dialogue restait ouvert.\n");
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].0, "la Russie était prête et qu'elle voulait agir");
    assert_eq!(q[1].0, "le dialogue restait ouvert");
    assert!(q.iter().all(|x| x.2.as_deref() == Some("Sergueï Lavrov")));
}

#[test]
fn split_quote_and_colon_introduction() {
    let q = body("Sophie Binet dirige la CGT.\n\n« Le gouvernement a choisi la force », a-t-elle dit lors d'une conférence, « nous choisirons la mobilisation ».\n\nEt de conclure : « La lutte continue. »\n");
    let texts: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Le gouvernement a choisi la force",
            "nous choisirons la mobilisation",
            "La lutte continue"
        ]
    );
    assert!(q
        .iter()
        .all(|x| x.1 == QuoteKind::Direct && x.2.as_deref() == Some("Sophie Binet")));
}

#[test]
fn selon_and_partial_quotes() {
    let q = body("Selon la SNCF, le trafic devrait être « très perturbé » sur le réseau.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].0,
        "le trafic devrait être « très perturbé » sur le réseau"
    );
    assert_eq!(q[0].1, QuoteKind::Partial);
    assert_eq!(q[0].2.as_deref(), Some("SNCF"));
}

#[test]
fn fragments_next_to_a_verb_of_speech() {
    let q = body("La ministre, Jhenifer Mojica, a qualifié vendredi la situation de « très préoccupante ».\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "très préoccupante");
    assert_eq!(q[0].1, QuoteKind::Partial);
    assert_eq!(q[0].2.as_deref(), Some("Jhenifer Mojica"));
}

#[test]
fn terms_titles_noun_objects_and_negations_are_not_quotes() {
    let q = body("Sous le thème « Renforcement du Dialogue », le sommet a souligné l'importance de la paix. Ils ont fait valoir \"l'Esprit de Shanghai\" et l'opération \"Barkhane\". M. Diba n'a pas précisé que le calendrier changerait.\n");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_quote_across_paragraphs_is_one_quote() {
    let q = body("Luz Dary Muñoz montre le ruisseau.\n\n« Mon père cultivait cette terre.\n\n« Nous demandons de l'aide », raconte cette agricultrice.\n");
    assert_eq!(q.len(), 1);
    assert!(q[0].0.starts_with("Mon père") && q[0].0.ends_with("de l'aide"));
    assert_eq!(q[0].2.as_deref(), Some("Luz Dary Muñoz"));
}

#[test]
fn a_missing_closing_mark_ends_at_the_attribution() {
    let q = body("Youri Khatchatourov parle. Elle \"a acquis un profil mondial, a-t-il ajouté.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "Elle \"a acquis un profil mondial");
    assert_eq!(q[0].1, QuoteKind::Partial);
}

#[test]
fn arbitrary_text_never_panics() {
    let pieces = [
        "« ",
        "» ",
        "\" ",
        "“",
        "”",
        "„",
        "‹",
        "›",
        "’",
        ", a-t-il dit",
        ", selon",
        " que ",
        ":",
        "é",
        "\n\n",
        "Selon lui, ",
        "M. X a déclaré : ",
        "😀",
        "--",
        "(",
        ")",
    ];
    let mut seed: u64 = 7;
    for _ in 0..200 {
        let mut text = String::new();
        for _ in 0..40 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        let doc = crate::analyze(&text);
        for q in &doc.quotes {
            assert!(doc.text.get(q.span.start..q.span.end).is_some());
        }
    }
}

#[test]
fn many_unbalanced_marks_stay_linear() {
    let text = "Il a dit « oui, a-t-il ajouté ".repeat(20_000) + &"» ".repeat(50_000);
    let tokens = crate::tokenize(&text);
    let sentences = crate::sentences(&text, &tokens);
    let layout = crate::model::Layout::default();
    let start = std::time::Instant::now();
    let found = super::find(
        &crate::Lexicons::builtin().quotes,
        &text,
        &tokens,
        &crate::text::Keys::new(&text, &tokens),
        &sentences,
        &layout,
        &[],
    );
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
    assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
}

#[test]
fn pronoun_goes_to_the_person_named_since_the_last_speaker() {
    let q = body("La sécheresse menace le pays, a averti mardi le Programme alimentaire mondial.\n\nLa directrice du programme, Lauren Landis, a lancé un appel. « Nous devons agir maintenant », a-t-elle déclaré.\n");
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].0, "Nous devons agir maintenant");
    assert_eq!(q[1].2.as_deref(), Some("Lauren Landis"));
}

#[test]
fn source_with_a_role_in_apposition_without_article() {
    let q = body("D'après Zhang Yansheng, chercheur au Centre chinois des échanges économiques internationaux, la croissance pourrait ralentir.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "la croissance pourrait ralentir");
    assert_eq!(q[0].2.as_deref(), Some("Zhang Yansheng"));
}

#[test]
fn a_second_verb_of_speech_ends_the_clause_and_qualifier_quotes_one_word() {
    let q = body("Le président Bola Tinubu a affirmé que la région restait unie et a qualifié la situation de « préoccupante ».\n");
    let found: Vec<(&str, QuoteKind)> = q.iter().map(|x| (x.0.as_str(), x.1)).collect();
    assert_eq!(
        found,
        [
            ("la région restait unie", QuoteKind::Indirect),
            ("préoccupante", QuoteKind::Partial)
        ]
    );
    assert!(q.iter().all(|x| x.2.as_deref() == Some("Bola Tinubu")));
}

#[test]
fn a_title_opening_with_a_determiner_heads_no_apposition() {
    let q = body("Selon l'agence, son déficit atteint 80 millions de dollars pour la région, qui comprend aussi la Jordanie.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].0,
        "son déficit atteint 80 millions de dollars pour la région, qui comprend aussi la Jordanie"
    );
}

#[test]
fn a_body_phrase_with_other_words_is_another_body() {
    let q = body("Le président du Comité international olympique a salué les Jeux.\n\nPlus de 90 % des billets ont été vendus, selon le comité d'organisation.\n");
    let last = q.last().map(|x| x.2.clone());
    assert_eq!(last, Some(Some("le comité d'organisation".to_string())));
}

#[test]
fn a_participial_clause_is_not_part_of_the_speaker() {
    let q = body("Selon un diplomate ouest-africain ayant requis l'anonymat, les discussions se poursuivront en décembre.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].2.as_deref(), Some("un diplomate ouest-africain"));
}

#[test]
fn conjunctions_and_impersonal_verbs_report_nothing() {
    assert!(body("Le client a répondu à temps pour que le dossier soit traité.\n").is_empty());
    assert!(body("Il est à noter que la production a doublé.\n").is_empty());
    assert!(body("Plus tard, il a été révélé que le retard venait d'une erreur.\n").is_empty());
    assert!(body("Selon les époques, les artistes ont peint autrement.\n").is_empty());
}

#[test]
fn a_complement_between_the_verb_and_que_is_no_conjunction() {
    let q = body("La Fédération estime pour sa part que la récolte pourrait reculer.\n\nUn utilisateur l'a demandé pour vérifier que tout marche.\n");
    let texts: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(texts, ["la récolte pourrait reculer"]);
}

#[test]
fn a_speaker_unknown_to_the_lexicons_keeps_the_quote() {
    let q = body("« Je veux que le dossier soit rouvert », a déclaré Zorba Quenneville.\n\nMoody's explique dans un communiqué que la dette est trop élevée.\n");
    let found: Vec<(&str, Option<&str>)> =
        q.iter().map(|x| (x.0.as_str(), x.2.as_deref())).collect();
    assert_eq!(
        found,
        [
            (
                "Je veux que le dossier soit rouvert",
                Some("Zorba Quenneville")
            ),
            ("la dette est trop élevée", Some("Moody's"))
        ]
    );
}

#[test]
fn an_inverted_verb_may_follow_the_closing_mark_without_a_comma() {
    let q = body("« Le projet avance bien » a indiqué Zorba Quenneville.\n\n« Nous tiendrons les délais » lui avait dit Marie Dupont.\n");
    let found: Vec<(&str, Option<&str>)> =
        q.iter().map(|x| (x.0.as_str(), x.2.as_deref())).collect();
    assert_eq!(
        found,
        [
            ("Le projet avance bien", Some("Zorba Quenneville")),
            ("Nous tiendrons les délais", Some("Marie Dupont"))
        ]
    );
}

#[test]
fn a_colon_glued_to_the_mark_still_introduces_the_quote() {
    let q = body("Paul Martin a indiqué par téléphone :« Le système marche très bien. »\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "Le système marche très bien");
    assert_eq!(q[0].2.as_deref(), Some("Paul Martin"));
}

#[test]
fn a_quote_after_a_colon_needs_no_verb_of_speech() {
    let q =
        body("Jean Dupont a défendu sa décision : « On peut faire une pause quand on veut. »\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "On peut faire une pause quand on veut");
    assert_eq!(q[0].2.as_deref(), Some("Jean Dupont"));
}

#[test]
fn a_quote_that_continues_keeps_the_source_named_before() {
    let q = body("« Nous avons gagné la partie », a dit Paul Martin. « Nous jouerons encore demain soir. »\n\nLe maire Jean Dupont a demandé la parole. « Le budget ne tient pas debout. »\n");
    let found: Vec<(&str, Option<&str>)> =
        q.iter().map(|x| (x.0.as_str(), x.2.as_deref())).collect();
    assert_eq!(
        found,
        [
            ("Nous avons gagné la partie", Some("Paul Martin")),
            ("Nous jouerons encore demain soir", Some("Paul Martin")),
            ("Le budget ne tient pas debout", Some("Jean Dupont"))
        ]
    );
}

#[test]
fn a_role_phrase_goes_to_the_person_named_with_the_role_without_its_connector() {
    let q = body("Le premier ministre Jean Dupont est arrivé à Lyon.\n\nMais le premier ministre a affirmé que la réforme passerait.\n\nPour la première fois, le conseil a voté contre le budget.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].2.as_deref(), Some("Jean Dupont"));
    let doc = crate::analyze(&format!("{TITLE}Le premier ministre Jean Dupont est arrivé à Lyon.\n\nMais le premier ministre a affirmé que la réforme passerait.\n"));
    let mention = doc.quotes[0]
        .speaker_mention
        .map(|m| m.text(&doc.text).to_string());
    assert_eq!(mention.as_deref(), Some("le premier ministre"));
}

#[test]
fn a_generic_body_noun_refers_to_the_latest_organisation() {
    let q = body("Le groupe Danone a publié ses comptes. La direction a indiqué que 500 postes seraient supprimés.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].2.as_deref(), Some("Danone"));
}

#[test]
fn a_pronoun_takes_up_a_subject_rather_than_a_complement() {
    let q = body("Paul Durand a voté pour Jean Martin.\n\n« Notre climat change très vite », déclare-t-il.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].2.as_deref(), Some("Paul Durand"));
}

#[test]
fn a_name_before_its_role_without_comma_is_the_speaker() {
    let q = body(
        "La production reprendra en mai, explique Zorba Quenneville le vice-président du groupe.\n",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].2.as_deref(), Some("Zorba Quenneville"));
}

#[test]
fn a_backward_attribution_gives_the_sentence_before_its_source() {
    let q = body("Le port manque de grues modernes depuis dix ans. C'est l'avis de Jeanne Durand, experte du secteur.\n\nLa ville ne sait plus loger ses étudiants. Le constat amer est du maire Paul Martin.\n");
    let found: Vec<(&str, Option<&str>)> =
        q.iter().map(|x| (x.0.as_str(), x.2.as_deref())).collect();
    assert_eq!(
        found,
        [
            (
                "Le port manque de grues modernes depuis dix ans",
                Some("Jeanne Durand")
            ),
            (
                "La ville ne sait plus loger ses étudiants",
                Some("Paul Martin")
            )
        ]
    );
}

#[test]
fn an_infinitive_after_an_object_is_the_reported_clause() {
    let q = body("Le maire de Lyon, Paul Martin, appelle les habitants à rester chez eux.\n\nLa directive demande aux conducteurs de ne pas dépasser 30 km/h.\n\nLe syndicat menace de bloquer les dépôts.\n");
    let texts: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        texts,
        [
            "rester chez eux",
            "ne pas dépasser 30 km/h",
            "bloquer les dépôts"
        ]
    );
    assert_eq!(q[0].2.as_deref(), Some("Paul Martin"));
}

#[test]
fn a_source_inside_the_sentence_introduces_the_clause_after_it() {
    let q = body("En mars, selon la Fédération des transports, le trafic a reculé de 5 %.\n\nLes habitants sont partis car selon eux, la zone était inondable.\n\nLe nombre de chômeurs a augmenté selon la Fédération des transports.\n");
    let found: Vec<(&str, QuoteKind)> = q.iter().map(|x| (x.0.as_str(), x.1)).collect();
    assert_eq!(
        found,
        [
            ("le trafic a reculé de 5 %", QuoteKind::Indirect),
            ("la zone était inondable", QuoteKind::Indirect),
            ("Le nombre de chômeurs a augmenté", QuoteKind::Indirect)
        ]
    );
}

#[test]
fn a_noun_phrase_subject_is_its_own_speaker() {
    let q = body("Des chercheurs canadiens affirment avoir trouvé une nouvelle espèce.\n\nMétéo Bretagne prévoit que la tempête arrivera lundi.\n");
    let found: Vec<Option<&str>> = q.iter().map(|x| x.2.as_deref()).collect();
    assert_eq!(
        found,
        [Some("Des chercheurs canadiens"), Some("Météo Bretagne")]
    );
}

#[test]
fn a_coordinated_verb_of_speech_keeps_the_first_subject() {
    let q = body("La préfecture a ouvert une route et appelle les habitants à prendre le bus.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "prendre le bus");
    assert_eq!(q[0].2.as_deref(), Some("La préfecture"));
}

#[test]
fn a_stressed_pronoun_after_the_auxiliary_is_no_subject() {
    let q = body("Marie Dupont, de la CGT, a elle relevé que les embauches manquaient.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].2.as_deref(), Some("Marie Dupont"));
}

#[test]
fn the_antecedent_of_qui_and_a_document_speak_for_their_issuer() {
    let q = body("Le rapport de l'Organisation mondiale de la santé est sorti hier.\n\n« Les cas augmentent », ajoute le rapport qui précise également que la vaccination progresse.\n");
    assert_eq!(q.len(), 2);
    assert!(q
        .iter()
        .all(|x| x.2.as_deref() == Some("Organisation mondiale de la santé")));
}

#[test]
fn the_nearest_attribution_wins_over_an_introducing_source() {
    let q =
        body("Selon l'AFP, le Conseil régional a appelé à ce que les travaux reprennent vite.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "les travaux reprennent vite");
    assert_eq!(q[0].2.as_deref(), Some("Conseil régional"));
}

#[test]
fn a_pronoun_later_in_a_sentence_takes_up_its_subject() {
    let q = body("L'ONG Amnesty International publie un rapport dans lequel elle affirme que les prisons débordent.\n\nDupont, le président du club, se dit « très heureux » de la victoire.\n");
    let found: Vec<Option<&str>> = q.iter().map(|x| x.2.as_deref()).collect();
    assert_eq!(found, [Some("Amnesty International"), Some("Dupont")]);
}

#[test]
fn a_headline_label_is_no_content_and_a_number_may_end_it() {
    let q = quotes("Emploi : Le nombre de postes menacés est de 12 000 selon la CFDT\n\nLa CFDT a publié ses chiffres.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "Le nombre de postes menacés est de 12 000");
    assert_eq!(q[0].2.as_deref(), Some("CFDT"));
}

#[test]
fn que_after_an_object_is_a_relative_pronoun() {
    assert!(
        body("Le musée dévoile aussi les activités qu'il entend organiser en 2014.\n").is_empty()
    );
    let q = body("Le maire a indiqué dans la soirée que le marché rouvrirait.\n");
    assert_eq!(q.len(), 1);
}

#[test]
fn a_quote_after_a_semicolon_opens_its_own_clause() {
    let q = body("La découverte ouvre la voie à de nouvelles recherches ; « ce résultat est très excitant pour nous » indique Paul Martin.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "ce résultat est très excitant pour nous");
    assert_eq!(q[0].1, QuoteKind::Direct);
}

#[test]
fn an_incise_stays_inside_the_clause_it_attributes() {
    let q = body("Paul Martin parle du port. Le trafic, affirme-t-il, reprendra en mai.\n\nPar ailleurs, poursuit l'ex-président du club, les joueurs resteront à Lyon.\n\nOn a retrouvé les soldats qui, dit-on, s'étaient rendus.\n\nLe fret reprendra en mai, a annoncé la SNCF, représentant les transporteurs du pays.\n");
    let texts: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Le trafic, affirme-t-il, reprendra en mai",
            "les joueurs resteront à Lyon",
            "s'étaient rendus",
            "Le fret reprendra en mai"
        ]
    );
    assert_eq!(q[0].2.as_deref(), Some("Paul Martin"));
}

#[test]
fn a_document_speaks_for_the_name_that_issued_it() {
    let q = body("Selon le classement annuel établi par Transparence Globale, le pays recule de dix places.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].2.as_deref(), Some("Transparence Globale"));
}

#[test]
fn an_impersonal_il_est_bon_de_names_no_speaker() {
    assert!(body("Il est bon de rappeler que la loi interdit ces pratiques.\n").is_empty());
}

#[test]
fn an_object_clitic_and_faire_savoir_keep_the_subject_before() {
    let q = body("Marie Dupont, ancienne ministre, l'avait qualifié de « bourgeois ».\n\nLe maire Paul Martin fait savoir que la piscine rouvrira.\n");
    let found: Vec<Option<&str>> = q.iter().map(|x| x.2.as_deref()).collect();
    assert_eq!(found, [Some("Marie Dupont"), Some("Paul Martin")]);
}

#[test]
fn several_fragments_of_one_clause_make_one_partial_quote() {
    let q = body("Jean Dupont a dénoncé un discours « mal préparé » et manquant « de toute ambition ».\n\nMarie Durand décrit son rival comme « arrogant ».\n");
    let found: Vec<(&str, QuoteKind)> = q.iter().map(|x| (x.0.as_str(), x.1)).collect();
    assert_eq!(
        found,
        [
            (
                "mal préparé » et manquant « de toute ambition",
                QuoteKind::Partial
            ),
            ("arrogant", QuoteKind::Partial)
        ]
    );
}

#[test]
fn indefinite_and_plural_speakers_refer_to_nobody_named() {
    let q = body("L'analyste Paul Martin suit le dossier.\n\nDes analystes jugent que le marché va rebondir. Ils estiment que la crise est passée.\n\nD'autres experts ne partagent pas cet avis. Le marché, disent-ils, reste fragile face aux taux.\n");
    let found: Vec<Option<&str>> = q.iter().map(|x| x.2.as_deref()).collect();
    assert_eq!(
        found,
        [
            Some("Des analystes"),
            Some("Des analystes"),
            Some("D'autres experts")
        ]
    );
}

#[test]
fn an_apposed_role_after_a_complement_name_points_to_that_name() {
    let q = body("Le maire s'est entretenu avec Paul Martin, le ministre du budget, qui a déclaré que le plan tenait.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].2.as_deref(), Some("Paul Martin"));
}

#[test]
fn an_organisation_closing_an_apposed_role_is_no_subject() {
    // The apposition's head is a role; the organisation or place ending it
    // is its complement, and the name before it speaks.
    let q = body("Paul Durand, PDG de la société Alpha, a indiqué « vouloir partir ».\n\nSophie Marchal, ex-députée UMP, a déclaré que la réforme était inutile.\n");
    let speakers: Vec<Option<&str>> = q.iter().map(|x| x.2.as_deref()).collect();
    assert_eq!(speakers, [Some("Paul Durand"), Some("Sophie Marchal")]);
    // Without a name before it, the organisation still speaks.
    assert_eq!(
        first_speaker("La société Alpha a indiqué que la réforme était inutile.\n").as_deref(),
        Some("Alpha")
    );
}

#[test]
fn a_title_alone_is_no_name() {
    // `PDG` is capitalised like a name, but it is a title: the apposition
    // points back to the name before it.
    let text = "Le groupe va supprimer 500 postes. Paul Durand, PDG de HB France, a indiqué « vouloir partir ».\n";
    assert_eq!(first_speaker(text).as_deref(), Some("Paul Durand"));
}

#[test]
fn a_participle_after_a_determiner_is_a_noun() {
    // `le communiqué` is the document, not the verb `communiquer`.
    let q = body("Selon un communiqué, la réunion aura lieu lundi.\n\nLe ministère a communiqué que la séance serait publique.\n");
    let texts: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        texts,
        ["la réunion aura lieu lundi", "la séance serait publique"]
    );
}

#[test]
fn a_document_speaks_for_the_body_that_issued_it() {
    assert_eq!(
        first_speaker("La réunion aura lieu lundi, selon un communiqué de la police municipale.\n")
            .as_deref(),
        Some("la police municipale")
    );
    assert_eq!(
        first_speaker("Selon un communiqué de presse du ministère, la réunion aura lieu lundi.\n")
            .as_deref(),
        Some("ministère")
    );
    // `de presse` tells the kind of the information, not who gave it.
    assert_eq!(
        first_speaker("Selon des informations de presse, la réunion aura lieu lundi.\n"),
        None
    );
}

#[test]
fn a_headline_document_is_issued_by_the_name_its_article_gives() {
    // The issuer may come after a date in the participial clause.
    let q = quotes("Football : le club serait vendu, selon un reportage\n\n3 juillet 2012. - Un reportage diffusé mardi 2 juillet par la chaîne France 24 sème le doute sur l'avenir du club.\n");
    assert_eq!(q.first().and_then(|x| x.2.as_deref()), Some("France 24"));
}

#[test]
fn the_imparfait_plural_of_a_verb_of_speech_is_a_cue() {
    let q = body("Les manifestants affirmaient que la police avait tiré sur la foule.\n");
    assert_eq!(
        q.first().map(|x| (x.0.as_str(), x.2.as_deref())),
        Some((
            "la police avait tiré sur la foule",
            Some("Les manifestants")
        ))
    );
}

#[test]
fn an_apposition_between_the_verb_and_the_fragment_leaves_the_clause_open() {
    let q = body("Le vieux leader Paul Marnier décrit sa fille, Jeanne Marnier, comme « petite-bourgeoise ».\n");
    assert_eq!(
        q.first().map(|x| (x.0.as_str(), x.2.as_deref())),
        Some(("petite-bourgeoise", Some("Paul Marnier")))
    );
    // An incise is no apposition.
    assert!(body("La seconde liste est qualifiée, quant à elle, de « radicale ».\n").is_empty());
}

#[test]
fn a_document_without_an_issuer_names_no_speaker() {
    let q = body("Selon d'autres témoignages, la foule est restée calme toute la nuit.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].2, None);
}

#[test]
fn a_document_is_issued_by_the_agent_or_outlet_of_its_participle() {
    assert_eq!(
        first_speaker(
            "Le chômage a reculé en mai, selon un sondage publié par le quotidien Le Figaro.\n"
        )
        .as_deref(),
        Some("Le Figaro")
    );
    assert_eq!(
        first_speaker(
            "Le chômage a reculé en mai, selon le rapport publié par Transparence Globale.\n"
        )
        .as_deref(),
        Some("Transparence Globale")
    );
    // Without the participle, `dans ...` is no part of the source.
    assert_eq!(
        first_speaker(
            "Le chômage a reculé en mai, selon un diplomate dans le quotidien Le Figaro.\n"
        )
        .as_deref(),
        Some("un diplomate")
    );
}

#[test]
fn a_french_given_name_tells_the_gender_of_il() {
    let q = body("« Nous avons perdu la partie », a dit Marie Durand.\n\nLe débat a été ouvert par Christian Lebrun, président du groupe. Il a demandé la parole. « Nous ne voterons pas ce texte. »\n");
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].2.as_deref(), Some("Christian Lebrun"));
}

#[test]
fn a_surname_alone_refers_to_the_latest_full_name_with_it() {
    let q = body("Paul Martin parle à la foule.\n\nMais pour Martin, « le problème est que tout le monde connaît sa stratégie ».\n\nJeanne Martin était présente.\n");
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].0,
        "le problème est que tout le monde connaît sa stratégie"
    );
    assert_eq!(q[0].1, QuoteKind::Direct);
    assert_eq!(q[0].2.as_deref(), Some("Paul Martin"));
}

#[test]
fn a_participle_without_a_verb_of_speech_before_takes_the_sentence_subject() {
    let q = body("Le fisc défend la mesure, parlant d'un « effort de transparence ».\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].2.as_deref(), Some("Le fisc"));
}

#[test]
fn a_headline_role_or_document_is_named_in_the_article() {
    let doc = crate::analyze("Élection de 2012 : le maire de Lyon appelle à voter Dupont\n\n1er novembre 2012. - Le maire de Lyon, Michel Durand, appelle à voter pour Jean Dupont.\n");
    let q: Vec<(&str, Option<&str>)> = doc
        .quotes
        .iter()
        .map(|q| (q.span.text(&doc.text), q.speaker.as_deref()))
        .collect();
    assert_eq!(
        q,
        [
            ("voter Dupont", Some("Michel Durand")),
            ("voter pour Jean Dupont", Some("Michel Durand"))
        ]
    );
}

#[test]
fn narration_shapes_before_an_attribution_are_not_content() {
    let q = body("Un haut responsable de la ville, a confirmé ces incidents hier.\n\nÀ noter que le marché a progressé de 12 %.\n\nLe maire a critiqué le projet ; c'est une erreur de calcul, a déclaré Paul Martin.\n");
    let texts: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(texts, ["c'est une erreur de calcul"]);
}

#[test]
fn a_source_before_a_quote_of_several_sentences_makes_one_direct_quote() {
    let q = body(
        "Paul Martin est parti. Selon son frère, « Il se sentait faible. Il voulait partir. »\n",
    );
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "Il se sentait faible. Il voulait partir");
    assert_eq!(q[0].1, QuoteKind::Direct);
}

#[test]
fn se_dire_with_an_adjective_reports_a_statement_of_someone() {
    let q = body("Le président du club, Paul Martin, s'est dit satisfait des résultats de la saison.\n\nLyon se dit ouvert à des négociations.\n");
    let found: Vec<(&str, Option<&str>)> =
        q.iter().map(|x| (x.0.as_str(), x.2.as_deref())).collect();
    assert_eq!(
        found,
        [("satisfait des résultats de la saison", Some("Paul Martin"))]
    );
}

#[test]
fn a_quote_right_after_its_verb_and_a_run_of_quotes() {
    let q = body("« Vous avez tort », lui a dit Paul Martin, avant de poursuivre « Vous êtes une héritière sans mérite ».\n\nMarie Durand a demandé la parole. « On ne peut pas accepter cela. Jamais ! ». « Vous vous êtes assis sur le règlement ! ».\n");
    let found: Vec<Option<&str>> = q.iter().map(|x| x.2.as_deref()).collect();
    assert_eq!(
        found,
        [
            Some("Paul Martin"),
            Some("Paul Martin"),
            Some("Marie Durand"),
            Some("Marie Durand")
        ]
    );
}

#[test]
fn comme_le_rappelle_x_introduces_the_clause_after_it() {
    let q = body("Le texte reste bloqué, bien que, comme le rappelle l'association Transparence Globale, « plusieurs pays ont déjà refusé de le signer ».\n");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "plusieurs pays ont déjà refusé de le signer");
    assert_eq!(q[0].1, QuoteKind::Direct);
}

#[test]
fn an_agent_after_par_is_taken_up_by_a_pronoun() {
    let q = body("« Le vote est truqué », a dénoncé l'opposition.\n\nLes députés ont exprimé leur colère par Christian Lebrun, président du groupe. Il a demandé la parole. « Nous ne voterons pas ce texte. »\n");
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].2.as_deref(), Some("Christian Lebrun"));
}

#[test]
fn a_theme_after_a_colon_is_no_quote() {
    assert!(body(
        "Le forum a choisi son thème : « Renforcer le dialogue entre les peuples du monde ».\n"
    )
    .is_empty());
}

#[test]
fn runs_answer_as_the_table_they_were_made_from() {
    use super::{owner, PerToken};
    // Overlapping ranges (a later one overwrites), gaps, an empty range and
    // one past the end, as the regions and verb cues give them.
    let mut table = PerToken::none(12);
    for (k, range) in [(0, 1..4), (1, 3..6), (2, 8..8), (3, 9..20)].into_iter() {
        table.set(range, k);
    }
    let dense: Vec<Option<usize>> = (0..14)
        .map(|i| {
            table
                .0
                .get(i)
                .and_then(|&k| (k != PerToken::NONE).then_some(k as usize))
        })
        .collect();
    assert_eq!(
        dense[..7],
        [None, Some(0), Some(0), Some(1), Some(1), Some(1), None]
    );
    let runs = table.runs();
    // In order, backwards and jumping: the cached run must never mislead.
    for order in [
        (0..14).collect::<Vec<_>>(),
        (0..14).rev().collect(),
        vec![5, 0, 13, 3, 9, 4, 11, 2, 6],
    ] {
        for i in order {
            assert_eq!(runs.get(i), dense.get(i).copied().flatten(), "token {i}");
        }
    }
    // Owners of sentences: a token between two belongs to the one before.
    let sentences = owner(7, &[0..2, 3..5]);
    let got: Vec<Option<usize>> = (0..8).map(|i| sentences.get(i)).collect();
    assert_eq!(
        got,
        [
            Some(0),
            Some(0),
            Some(0),
            Some(1),
            Some(1),
            Some(1),
            Some(1),
            None
        ]
    );
}

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

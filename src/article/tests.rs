//! Made-up variants of the common French wire formats, each checking the
//! exact fields.

use super::*;

/// The fields of `layout(&crate::Lexicons::builtin().article, text)` as text.
#[derive(Debug, Default, PartialEq, Eq)]
struct Fields {
    title: Option<String>,
    published: Option<String>,
    dateline: Option<String>,
    agency: Option<String>,
    body: Option<String>,
    credits: Vec<String>,
    article_id: Option<String>,
    boilerplate: Vec<String>,
    copies: Vec<String>,
}

fn fields(text: &str) -> Fields {
    let m = layout(&crate::Lexicons::builtin().article, text, &[], &[]).meta;
    let s = |x: Option<Span>| x.map(|x| x.text(text).to_string());
    let v = |x: &[Span]| x.iter().map(|x| x.text(text).to_string()).collect();
    Fields {
        title: s(m.title),
        published: m.published.clone(),
        dateline: s(m.dateline),
        agency: s(m.agency),
        body: s(m.body),
        credits: v(&m.credits),
        article_id: s(m.article_id),
        boilerplate: v(&m.boilerplate),
        copies: v(&m.copies),
    }
}

fn zones(text: &str) -> Vec<(String, &'static str)> {
    layout(&crate::Lexicons::builtin().article, text, &[], &[])
        .paragraphs
        .iter()
        .map(|p| (p.span.text(text).to_string(), p.zone.as_str()))
        .collect()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

const BODY1: &str = "MOSCOU, 7 juin (Xinhua) -- La CEI est prête à renforcer son partenariat avec l'OCS, a déclaré Sergueï Lebedev.";
const BODY2: &str = "\"A mon avis, il y a de grandes opportunités\", a-t-il relevé.";
const CONTACT: &str = "Vous avez une question, une remarque, des suggestions ? Contactez notre équipe de rédaction par email à xinhuanet_french@news.cn";

fn xinhua_page(header: &str, dateline: &str, eol: &str) -> String {
    let body1 = BODY1.replace("MOSCOU, 7 juin (Xinhua) --", dateline);
    let once = format!(
        "La CEI souhaite renforcer sa coopération avec l'OCS (INTERVIEW){eol}{eol}{header}{eol}{eol}{body1}{eol}{eol}{BODY2}{eol}"
    );
    format!(
        "french.xinhuanet.com{eol}\u{a0}{eol}{eol}{once}{eol}\u{a0}{eol}{CONTACT}{eol}{eol}{once}{eol}010020070770000000000000011107421372369851"
    )
}

#[test]
fn xinhua_page_with_copy_and_id() {
    let text = xinhua_page(
        "French.xinhuanet.com | Publié le 2018-06-07 à 13:25",
        "MOSCOU, 7 juin (Xinhua) --",
        "\n",
    );
    let copy_start = text.rfind("La CEI souhaite").unwrap();
    let copy_end = text.rfind("relevé.").unwrap() + "relevé.".len();
    assert_eq!(
        fields(&text),
        Fields {
            title: some("La CEI souhaite renforcer sa coopération avec l'OCS (INTERVIEW)"),
            published: some("2018-06-07T13:25"),
            dateline: some("MOSCOU"),
            agency: some("Xinhua"),
            body: Some(format!("{BODY1}\n\n{BODY2}")),
            article_id: some("010020070770000000000000011107421372369851"),
            boilerplate: vec![CONTACT.to_string()],
            copies: vec![text[copy_start..copy_end].to_string()],
            ..Fields::default()
        }
    );
    let z: Vec<_> = zones(&text).into_iter().map(|(_, z)| z).collect();
    assert_eq!(
        z,
        [
            "boilerplate",
            "title",
            "header",
            "body",
            "body",
            "boilerplate",
            "copy",
            "copy",
            "copy",
            "copy",
            "id"
        ]
    );
}

#[test]
fn crlf_line_endings() {
    let text = xinhua_page(
        "French.xinhuanet.com | Publié le 2018-06-07 à 13:25",
        "MOSCOU, 7 juin (Xinhua) --",
        "\r\n",
    );
    let f = fields(&text);
    assert_eq!(f.body, Some(format!("{BODY1}\r\n\r\n{BODY2}")));
    assert_eq!(f.published.as_deref(), Some("2018-06-07T13:25"));
    assert_eq!(f.copies.len(), 1);
}

#[test]
fn dateline_without_date_and_numeric_header() {
    let text = xinhua_page("Publié le 12/05/2024 à 14h30", "BEIJING (Xinhua) --", "\n");
    let f = fields(&text);
    assert_eq!(f.dateline.as_deref(), Some("BEIJING"));
    assert_eq!(f.agency.as_deref(), Some("Xinhua"));
    assert_eq!(f.published.as_deref(), Some("2024-05-12T14:30"));
}

#[test]
fn update_header_without_title() {
    let text = "Dernière mise à jour à 10h08 le 09/06\nLa Chine et la Russie sont convenues jeudi de développer leurs relations.\nLors d'une rencontre avec Sergue? Lavrov, le ministre a salué les progrès.\n(Xinhua/Javed Dar)\nLes deux pays ont eu des échanges fréquents, a-t-il ajouté.";
    let f = fields(text);
    assert_eq!(
        f,
        Fields {
            published: some("--06-09T10:08"),
            body: Some(text[text.find("La Chine").unwrap()..].to_string()),
            credits: vec!["(Xinhua/Javed Dar)".to_string()],
            ..Fields::default()
        }
    );
    let z: Vec<_> = zones(text).into_iter().map(|(_, z)| z).collect();
    assert_eq!(z, ["header", "body", "body", "credit", "body"]);
}

#[test]
fn update_header_with_title() {
    let text = "Le Sénégal relève sa prévision de croissance\nMis à jour le 14 février 2025 à 09h12\n\nDAKAR, 14 février (APS) - Le gouvernement a relevé mardi sa prévision.\n";
    let f = fields(text);
    assert_eq!(
        f.title.as_deref(),
        Some("Le Sénégal relève sa prévision de croissance")
    );
    assert_eq!(f.published.as_deref(), Some("2025-02-14T09:12"));
    assert_eq!(f.dateline.as_deref(), Some("DAKAR"));
    assert_eq!(f.agency.as_deref(), Some("APS"));
}

#[test]
fn afp_dispatch_without_title() {
    let text = "PARIS, 3 mars (AFP) - La CGT a appelé lundi à une journée de grève.\n\nSa secrétaire générale a dénoncé une réforme « injuste ».\n\njmo/cbn/ob\n";
    assert_eq!(
        fields(text),
        Fields {
            published: some("--03-03"),
            dateline: some("PARIS"),
            agency: some("AFP"),
            body: some("PARIS, 3 mars (AFP) - La CGT a appelé lundi à une journée de grève.\n\nSa secrétaire générale a dénoncé une réforme « injuste »."),
            credits: vec!["jmo/cbn/ob".to_string()],
            ..Fields::default()
        }
    );
}

#[test]
fn reuters_dispatch_with_full_date_and_notes() {
    let text = "L'OMS presse les Etats de conclure un accord\n\nGenève, le 12 mai 2024 (Reuters) — L'OMS a averti dimanche que le monde n'était pas prêt.\n\n(Reportage Laura Benitez; version française Karim Ouazzani, édité par Sophie Lemaire)\n";
    assert_eq!(
        fields(text),
        Fields {
            title: some("L'OMS presse les Etats de conclure un accord"),
            published: some("2024-05-12"),
            dateline: some("Genève"),
            agency: some("Reuters"),
            body: some("Genève, le 12 mai 2024 (Reuters) — L'OMS a averti dimanche que le monde n'était pas prêt."),
            credits: vec!["(Reportage Laura Benitez; version française Karim Ouazzani, édité par Sophie Lemaire)".to_string()],
            ..Fields::default()
        }
    );
}

#[test]
fn a_date_in_the_first_sentence_is_no_header() {
    let text = "Le 4 juillet 2024, Astana, la capitale du Kazakhstan, a été le théâtre du sommet de\nl’Organisation de coopération de Shanghai (OCS).\nUn Sommet aux Résultats Concrets\nPrésidé par le président kazakh, le sommet a été marqué par l’adoption de la Déclaration d’Astana.";
    assert_eq!(
        fields(text),
        Fields {
            body: some(text),
            ..Fields::default()
        }
    );
    let z = zones(text);
    assert_eq!(z.len(), 3, "the wrapped sentence is one paragraph: {z:?}");
    assert!(z.iter().all(|(_, zone)| *zone == "body"));
}

#[test]
fn title_only() {
    let text = "Ligue des champions : Al Ahly prend une option face au Wydad\n";
    assert_eq!(
        fields(text),
        Fields {
            title: some("Ligue des champions : Al Ahly prend une option face au Wydad"),
            ..Fields::default()
        }
    );
}

#[test]
fn title_byline_and_written_date() {
    let text = "En Colombie, les caféiers brûlent sous la sécheresse\n\nPar Marie Delcas (Bogota, correspondante)\n\nPublié le 18 mars 2024 à 06h30\n\nSur les hauteurs de Popayan, une paysanne montre le lit asséché du ruisseau.\n";
    let f = fields(text);
    assert_eq!(
        f.title.as_deref(),
        Some("En Colombie, les caféiers brûlent sous la sécheresse")
    );
    assert_eq!(f.published.as_deref(), Some("2024-03-18T06:30"));
    assert_eq!(f.dateline, None);
    assert_eq!(
        f.body.as_deref(),
        Some("Sur les hauteurs de Popayan, une paysanne montre le lit asséché du ruisseau.")
    );
    let z: Vec<_> = zones(text).into_iter().map(|(_, z)| z).collect();
    assert_eq!(z, ["title", "boilerplate", "header", "body"]);
}

#[test]
fn dateline_standing_alone() {
    let text = "KINSHASA, 14 août (ACP) --\nLe ministre de la Santé a déclaré mercredi que l'épidémie s'étendait.\n";
    let f = fields(text);
    assert_eq!(f.dateline.as_deref(), Some("KINSHASA"));
    assert_eq!(f.published.as_deref(), Some("--08-14"));
    assert_eq!(f.body.as_deref(), Some(text.trim_end()));
    let z: Vec<_> = zones(text).into_iter().map(|(_, z)| z).collect();
    assert_eq!(z, ["dateline", "body"]);
}

#[test]
fn repaired_text_maps_back_to_the_damaged_text() {
    let clean = xinhua_page(
        "French.xinhuanet.com | Publié le 2018-06-07 à 13:25",
        "MOSCOU, 7 juin (Xinhua) --",
        "\n",
    );
    let damaged: String = clean.bytes().map(char::from).collect();
    let doc = crate::analyze(&damaged);
    let t = |s: Option<Span>| s.map(|s| s.text(&damaged).to_string());
    assert_eq!(t(doc.meta.dateline).as_deref(), Some("MOSCOU"));
    assert_eq!(
        t(doc.meta.title).as_deref(),
        Some("La CEI souhaite renforcer sa coopÃ©ration avec l'OCS (INTERVIEW)")
    );
    assert_eq!(doc.meta.published.as_deref(), Some("2018-06-07T13:25"));
    let body = t(doc.meta.body).unwrap_or_default();
    assert!(
        body.starts_with("MOSCOU") && body.ends_with("relevÃ©."),
        "{body}"
    );
}

#[test]
fn date_line_without_marker() {
    let text = "Le Sénégal relève sa prévision de croissance\nLundi 14 février 2025 - 09h12\n\nDAKAR (APS) - Le gouvernement a relevé mardi sa prévision.\n";
    let f = fields(text);
    assert_eq!(
        f.title.as_deref(),
        Some("Le Sénégal relève sa prévision de croissance")
    );
    assert_eq!(f.published.as_deref(), Some("2025-02-14T09:12"));
    assert_eq!(f.agency.as_deref(), Some("APS"));
    let z: Vec<_> = zones(text).into_iter().map(|(_, z)| z).collect();
    assert_eq!(z, ["title", "header", "body"]);
}

#[test]
fn kicker_above_the_title() {
    let text = "INTERVIEW\nLa CEI souhaite renforcer sa coopération avec l'OCS\nFrench.news.cn | 2023-05-06 09:02:13\nMOSCOU, 7 juin (Xinhua) -- La CEI est prête.\nSource: Xinhua\nPartager\n";
    let f = fields(text);
    assert_eq!(
        f.title.as_deref(),
        Some("La CEI souhaite renforcer sa coopération avec l'OCS")
    );
    assert_eq!(f.published.as_deref(), Some("2023-05-06T09:02"));
    assert_eq!(
        f.body.as_deref(),
        Some("MOSCOU, 7 juin (Xinhua) -- La CEI est prête.")
    );
    assert_eq!(f.credits, ["Source: Xinhua"]);
    assert_eq!(f.boilerplate, ["Partager"]);
    let z: Vec<_> = zones(text).into_iter().map(|(_, z)| z).collect();
    assert_eq!(
        z,
        [
            "boilerplate",
            "title",
            "header",
            "body",
            "credit",
            "boilerplate"
        ]
    );
}

/// The roles of the paragraphs of `text`.
fn roles(text: &str) -> Vec<(String, &'static str)> {
    layout(&crate::Lexicons::builtin().article, text, &[], &[])
        .paragraphs
        .iter()
        .map(|p| (p.span.text(text).to_string(), p.role.as_str()))
        .collect()
}

fn role_of(text: &str, line: &str) -> Option<&'static str> {
    roles(text)
        .into_iter()
        .find(|(t, _)| t == line)
        .map(|(_, r)| r)
}

const LEAD: &str = "Le conseil municipal de Sète a voté lundi soir la rénovation du quai de la Marine, un chantier de douze millions d'euros.";
const SECOND: &str = "Les travaux commenceront au printemps et dureront deux ans, selon la mairie, qui promet de maintenir l'accès aux commerces.";

#[test]
fn menus_and_site_names_are_no_title() {
    let text = format!("Le Petit Sétois\nAccueil | Sète | Agde | Sports | Agenda\nPolitique Economie Culture Loisirs\nSète rénove le quai de la Marine\nPublié le 05/04/2021 à 18h20\n{LEAD}\n{SECOND}\n");
    let f = fields(&text);
    assert_eq!(f.title.as_deref(), Some("Sète rénove le quai de la Marine"));
    assert_eq!(f.published.as_deref(), Some("2021-04-05T18:20"));
    assert_eq!(
        role_of(&text, "Accueil | Sète | Agde | Sports | Agenda"),
        Some("chrome")
    );
    assert_eq!(
        role_of(&text, "Politique Economie Culture Loisirs"),
        Some("chrome")
    );
    assert_eq!(
        role_of(&text, "Publié le 05/04/2021 à 18h20"),
        Some("date_line")
    );
}

#[test]
fn a_site_name_alone_is_no_title() {
    let text = format!("Radio Vallée\n{LEAD}\n{SECOND}\n");
    let f = fields(&text);
    assert_eq!(f.title, None);
    assert_eq!(
        f.body.as_deref(),
        Some(format!("{LEAD}\n{SECOND}").as_str())
    );
}

#[test]
fn a_standfirst_set_apart_by_byline_and_date() {
    let standfirst =
        "La ville engage le plus gros chantier de son centre historique depuis trente ans.";
    let text = format!("Sète rénove le quai de la Marine\n{standfirst}\nPar Anne Roux\nPublié le 05/04/2021 à 18h20\n{LEAD}\n\n{SECOND}\n");
    let m = layout(&crate::Lexicons::builtin().article, &text, &[], &[]).meta;
    let s = |x: Option<Span>| x.map(|x| x.text(&text).to_string());
    assert_eq!(s(m.standfirst).as_deref(), Some(standfirst));
    assert_eq!(s(m.byline).as_deref(), Some("Par Anne Roux"));
    assert_eq!(
        s(m.body).as_deref(),
        Some(format!("{LEAD}\n\n{SECOND}").as_str())
    );
    assert_eq!(
        s(m.title).as_deref(),
        Some("Sète rénove le quai de la Marine")
    );
}

#[test]
fn a_teaser_repeating_the_lead_is_no_body() {
    let teaser = "Le conseil municipal de Sète a voté lundi soir la rénovation du quai.";
    let text = format!("Sète rénove le quai de la Marine\n{teaser}\n\n{LEAD}\n\n{SECOND}\n");
    let f = fields(&text);
    assert_eq!(
        f.body.as_deref(),
        Some(format!("{LEAD}\n\n{SECOND}").as_str())
    );
    assert_eq!(role_of(&text, teaser), Some("standfirst"));
}

#[test]
fn a_crawl_date_is_never_published() {
    let text = format!("Connexion\nConsulté le 2022-11-30 08:15\nSète rénove le quai de la Marine\nMis à jour le 05-04-2021\n{LEAD}\n");
    let f = fields(&text);
    assert_eq!(f.published.as_deref(), Some("2021-04-05"));
}

#[test]
fn the_date_of_the_day_above_the_menu_is_not_the_article_date() {
    let text = format!("Jeudi 8 avril 2021 | Sète 18°C\nAccueil | Sète | Agde | Sports\nSète rénove le quai de la Marine\nSÈTE, 5 avril 2021 (AFP) - {LEAD}\n");
    let f = fields(&text);
    assert_eq!(f.published.as_deref(), Some("2021-04-05"));
    assert_eq!(f.dateline.as_deref(), Some("SÈTE"));
    assert_eq!(f.agency.as_deref(), Some("AFP"));
}

#[test]
fn a_caption_under_an_image_is_no_body() {
    let caption = "Le quai de la Marine un matin de marché.";
    let text = format!("Sète rénove le quai de la Marine\n![]() |\n{caption}\n{LEAD}\n{SECOND}\n");
    let f = fields(&text);
    assert_eq!(
        f.body.as_deref(),
        Some(format!("{LEAD}\n{SECOND}").as_str())
    );
    assert_eq!(role_of(&text, caption), Some("caption"));
    assert_eq!(role_of(&text, "![]() |"), Some("chrome"));
}

#[test]
fn the_body_ends_before_a_list_of_headlines() {
    let text = format!("Sète rénove le quai de la Marine\n\n{LEAD}\n\n{SECOND}\n\nAgde : la plage Richelieu rouvre\nMarseillan mise sur les huîtres bio\nFrontignan fête le muscat\n");
    let f = fields(&text);
    assert_eq!(
        f.body.as_deref(),
        Some(format!("{LEAD}\n\n{SECOND}").as_str())
    );
    assert_eq!(role_of(&text, "Frontignan fête le muscat"), Some("list"));
}

#[test]
fn a_teaser_closed_by_read_more_belongs_to_another_article() {
    let other = "Les plagistes d'Agde attendent les premiers touristes dès le mois de mai, malgré la météo.";
    let text = format!("Sète rénove le quai de la Marine\n\n{LEAD}\n\n{SECOND}\n\nAgde : la saison commence\n{other}\nLire la suite\n");
    let f = fields(&text);
    assert_eq!(
        f.body.as_deref(),
        Some(format!("{LEAD}\n\n{SECOND}").as_str())
    );
    assert_eq!(role_of(&text, other), Some("list"));
    assert_eq!(role_of(&text, "Lire la suite"), Some("end_marker"));
}

#[test]
fn headings_and_inline_links_stay_in_the_body() {
    let text = format!("Sète rénove le quai de la Marine\n\n{LEAD}\n\nUn chantier en trois phases\n{SECOND}\n\nLire aussi : Agde vote son budget pour 2021\n\nLa mairie publiera le calendrier détaillé des travaux avant la fin du mois.\n\nPartager cet article\n");
    let f = fields(&text);
    let body = f.body.unwrap_or_default();
    assert!(
        body.starts_with("Le conseil") && body.ends_with("avant la fin du mois."),
        "{body}"
    );
    assert_eq!(
        role_of(&text, "Un chantier en trois phases"),
        Some("heading")
    );
    assert_eq!(
        role_of(&text, "Lire aussi : Agde vote son budget pour 2021"),
        Some("list")
    );
    assert_eq!(role_of(&text, "Partager cet article"), Some("end_marker"));
}

#[test]
fn headings_are_sentences_of_their_own() {
    let text = format!(
        "Sète rénove le quai de la Marine\n\n{LEAD}\n\nUn chantier en trois phases\n{SECOND}\n"
    );
    let doc = crate::analyze(&text);
    assert!(doc
        .sentences
        .iter()
        .any(|s| s.text(&text) == "Un chantier en trois phases"));
}

#[test]
fn a_question_is_a_headline() {
    let text = format!("Sète va-t-elle perdre son marché du mercredi ?\n\n{LEAD}\n");
    assert_eq!(
        fields(&text).title.as_deref(),
        Some("Sète va-t-elle perdre son marché du mercredi ?")
    );
}

#[test]
fn a_date_lead_gives_date_and_place() {
    let text = format!("Sète rénove le quai de la Marine\n\n5 avril 2021. - Sète - {LEAD}\n");
    let f = fields(&text);
    assert_eq!(f.published.as_deref(), Some("2021-04-05"));
    assert_eq!(f.dateline.as_deref(), Some("Sète"));
    assert_eq!(f.agency, None);
}

#[test]
fn a_source_and_date_line_and_a_blog_footer() {
    let text = format!("Sète rénove le quai de la Marine\nAgence Midi | 05.04.2021 18h20\n{LEAD}\n{SECOND}\nPublié par Anne Roux\nLibellés : Sète, travaux\n");
    let f = fields(&text);
    assert_eq!(f.published.as_deref(), Some("2021-04-05T18:20"));
    assert_eq!(
        f.body.as_deref(),
        Some(format!("{LEAD}\n{SECOND}").as_str())
    );
    assert_eq!(role_of(&text, "Publié par Anne Roux"), Some("end_marker"));
}

#[test]
fn an_update_is_kept_apart_from_the_publication() {
    let text = format!("Sète rénove le quai de la Marine\nPublié le 05/04/2021 à 18h20\nMis à jour le 06/04/2021 à 09h00\n{LEAD}\n");
    let m = layout(&crate::Lexicons::builtin().article, &text, &[], &[]).meta;
    assert_eq!(m.published.as_deref(), Some("2021-04-05T18:20"));
    assert_eq!(m.updated.as_deref(), Some("2021-04-06T09:00"));
}

#[test]
fn a_standfirst_in_the_header_block() {
    let standfirst =
        "La ville engage le plus gros chantier de son centre historique depuis trente ans.";
    let text = format!("Sète rénove le quai de la Marine\nLe 05/04/2021 à 18:20\n{standfirst}\n{LEAD}\n\n{SECOND}\n");
    let f = fields(&text);
    assert_eq!(
        f.body.as_deref(),
        Some(format!("{LEAD}\n\n{SECOND}").as_str())
    );
    // Without blank lines between the body's paragraphs, nothing sets the
    // first one apart: it opens the body.
    let flat = format!(
        "Sète rénove le quai de la Marine\nLe 05/04/2021 à 18:20\n{standfirst}\n{LEAD}\n{SECOND}\n"
    );
    assert!(fields(&flat)
        .body
        .is_some_and(|b| b.starts_with("La ville")));
}

#[test]
fn a_date_widget_in_pieces() {
    let text =
        format!("Le blog de Nina\n05\nAvr\n2021\nSète rénove le quai de la Marine\n{LEAD}\n");
    let f = fields(&text);
    assert_eq!(f.published.as_deref(), Some("2021-04-05"));
    assert_eq!(f.title.as_deref(), Some("Sète rénove le quai de la Marine"));
    assert_eq!(role_of(&text, "Avr"), Some("date_line"));
}

#[test]
fn relative_and_composite_date_lines() {
    let text = format!("Sète rénove le quai de la Marine\nIl y a 3 heures\n{LEAD}\n");
    let f = fields(&text);
    assert_eq!(f.title.as_deref(), Some("Sète rénove le quai de la Marine"));
    assert_eq!(f.published, None);
    let text = format!("Sète rénove le quai de la Marine\nLe 05/04/2021 à 18:20, mis à jour le 06/04/2021 à 09:00\n{LEAD}\n");
    assert_eq!(fields(&text).published.as_deref(), Some("2021-04-05T18:20"));
}

#[test]
fn comments_after_a_counter_are_no_body() {
    let comment = "Encore un chantier qui va durer des années, comme toujours dans cette ville.";
    let text = format!(
        "Sète rénove le quai de la Marine\n\n{LEAD}\n\n{SECOND}\n\n3 commentaires\n{comment}\n"
    );
    let f = fields(&text);
    assert_eq!(
        f.body.as_deref(),
        Some(format!("{LEAD}\n\n{SECOND}").as_str())
    );
}

#[test]
fn a_photo_after_a_long_lead_keeps_the_lead_in_the_body() {
    let long_lead = format!(
        "{LEAD} Le maire a défendu un projet attendu depuis dix ans par les commerçants du centre."
    );
    let text = format!("Sète rénove le quai de la Marine\n\n{long_lead}\n\nLe quai un matin de marché. © Studio Y\n\n{SECOND}\n");
    let f = fields(&text);
    assert!(f
        .body
        .is_some_and(|b| b.starts_with("Le conseil municipal")));
}

#[test]
fn a_short_title_right_above_the_body() {
    let text = format!("Le grand chantier\n\n{LEAD}\n");
    assert_eq!(fields(&text).title.as_deref(), Some("Le grand chantier"));
}

#[test]
fn calls_to_subscribe_and_links_without_a_colon() {
    let call = "Cet article vous a plu ? Inscrivez-vous à notre newsletter pour recevoir chaque soir les nouvelles de la ville.";
    let text = format!("Sète rénove le quai de la Marine\n\n{LEAD}\n\nLire aussi Agde vote son budget pour 2021\n\n{SECOND}\n\n{call}\n");
    let f = fields(&text);
    assert_eq!(
        f.body.as_deref(),
        Some(format!("{LEAD}\n\nLire aussi Agde vote son budget pour 2021\n\n{SECOND}").as_str())
    );
}

#[test]
fn a_line_longer_than_any_credit_is_classified_as_by_every_test() {
    // `classify` counts words up to a credit's bound and answers a long
    // line without the tests that need the count; a line on either side of
    // the bound gets what its exact count gives every test.
    let lex = &crate::Lexicons::builtin().article;
    let heads = [
        "Contactez la rédaction :",
        "Photo : Agence Presse du Nord",
        "Par Jeanne Martin et",
        "Publié le 3 mars 2024 à 10h12",
        "exemple.fr | autre.fr",
        "Le conseil municipal a voté",
    ];
    for head in heads {
        for extra in 0..30 {
            let line = format!("{head}{}", " mot".repeat(extra));
            let words = line.split_whitespace().count();
            assert_eq!(classify(lex, &line), kind_of(lex, &line, words), "{line:?}");
        }
    }
    let long = format!("Contactez la rédaction :{}", " mot".repeat(30));
    assert_eq!(classify(lex, &long), Kind::Boilerplate);
}

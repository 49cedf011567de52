//! A card's own page over HTTP: editing with versions (a stale save keeps
//! what was typed), Markdown rendered safely, labels, assignees (members
//! only), checklist progress, links, comments whose @mentions notify, the
//! activity log, the archive with restore, and every card endpoint refused
//! to someone who is not on the board.

use super::support::{Client, TestApp, contract_setup};
use http::StatusCode;
use serde_json::Value;

/// The team board of a fresh contract and the id of its "Design" card.
async fn board_and_card(owner: &mut Client<'_>, contract: &str) -> (String, String) {
    let board_id =
        owner.ok("/api/contracts/get", &[("id", contract)]).await["board_id"].to_string();
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    let design = board["columns"][0]["cards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["title"] == "Design")
        .unwrap()["id"]
        .to_string();
    (board_id, design)
}

/// The card as the board shows it.
async fn on_board(client: &mut Client<'_>, board_id: &str, card_id: &str) -> Value {
    let board = client.ok("/api/boards/get", &[("id", board_id)]).await;
    board["columns"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["cards"].as_array().unwrap().clone())
        .find(|k| k["id"].as_i64() == card_id.parse::<i64>().ok())
        .expect("card on the board")
}

#[tokio::test]
async fn a_card_is_edited_with_its_version_and_a_stale_save_keeps_the_text() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let (board_id, design) = board_and_card(&mut owner, &contract).await;
    let detail = owner
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    let version = detail["card"]["version"].to_string();
    owner
        .ok(
            "/api/boards/card/edit",
            &[
                ("card_id", &design),
                ("version", &version),
                ("title", "Design the shop"),
                (
                    "description",
                    "**Mood board** first.\n\n<script>alert(1)</script>\n\nSee the [brief](javascript:alert(1)).",
                ),
                ("due_on", "2020-01-31"),
                ("cover", "purple"),
            ],
        )
        .await;
    let detail = dev
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    assert_eq!(detail["card"]["title"], "Design the shop");
    let html = detail["description_html"].as_str().unwrap();
    assert!(html.contains("<strong>Mood board</strong>"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("javascript:"), "{html}");
    assert!(
        html.contains("See the brief."),
        "the link text stays: {html}"
    );
    assert_eq!(detail["card"]["cover"], "purple");
    assert_eq!(
        detail["card"]["overdue"], true,
        "a past due date is overdue"
    );
    let lines: Vec<&str> = detail["activity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["line"].as_str().unwrap())
        .collect();
    assert!(
        lines.contains(&"owner renamed this card from “Design” to “Design the shop”"),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"owner set the due date to 2020-01-31"),
        "{lines:?}"
    );

    // The freelancer saves over the old version: refused, and what they
    // typed comes back to be shown again.
    let stale = dev
        .post(
            "/api/boards/card/edit",
            &[
                ("card_id", &design),
                ("version", &version),
                ("title", "Design"),
                ("description", "My careful notes"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.text());
    assert_eq!(
        stale.json()["Conflict"]["values"]["description"],
        "My careful notes"
    );
    let card = on_board(&mut owner, &board_id, &design).await;
    assert_eq!(
        card["title"], "Design the shop",
        "the stale save changed nothing"
    );

    let bad = owner
        .post(
            "/api/boards/card/edit",
            &[
                ("card_id", &design),
                ("version", &card["version"].to_string()),
                ("title", "Design the shop"),
                ("due_on", "next week"),
                ("cover", "url(javascript:1)"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.field_error("due_on").is_some() || bad.field_error("cover").is_some());
}

#[tokio::test]
async fn saves_from_one_version_merge_field_by_field_and_clash_only_on_the_same_field() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let (board_id, design) = board_and_card(&mut owner, &contract).await;
    // Both open the card's edit form at the same version.
    let seen = dev
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    let version = seen["card"]["version"].to_string();
    let base = seen["edit_base"].as_str().unwrap().to_string();
    let save = |title: &str, description: &str| {
        vec![
            ("card_id", design.clone()),
            ("version", version.clone()),
            ("base", base.clone()),
            ("title", title.to_string()),
            ("description", description.to_string()),
        ]
    };
    let fields = save("Design the shop", seen["description"].as_str().unwrap());
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    owner.ok("/api/boards/card/edit", &refs).await;

    // The freelancer changed only the description: the save merges.
    let fields = save("Design", "Mood board first");
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    dev.ok("/api/boards/card/edit", &refs).await;
    let now = owner
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    assert_eq!(
        now["card"]["title"], "Design the shop",
        "the owner's title stays"
    );
    assert_eq!(
        now["description"], "Mood board first",
        "the freelancer's text is in"
    );
    assert_eq!(
        on_board(&mut owner, &board_id, &design).await["version"],
        seen["card"]["version"].as_i64().unwrap() + 2,
        "two saves, two versions"
    );

    // A third save from the same old form changes the title too: both
    // changed it, so it is refused for that field, with the text kept.
    let fields = save("Design and build", "Mood board first");
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let clash = dev.post("/api/boards/card/edit", &refs).await;
    assert_eq!(clash.status, StatusCode::CONFLICT, "{}", clash.text());
    assert!(clash.field_error("title").is_some(), "{}", clash.text());
    assert!(
        clash.field_error("description").is_none(),
        "{}",
        clash.text()
    );
    assert_eq!(
        clash.json()["Conflict"]["values"]["title"],
        "Design and build"
    );
    let after = owner
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    assert_eq!(
        after["card"]["title"], "Design the shop",
        "nothing overwritten"
    );

    // A forged base merges nothing: the stale save is refused as before.
    let mut fields = save("Design", "Other text");
    fields[2].1 = "not-a-base".into();
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let forged = dev.post("/api/boards/card/edit", &refs).await;
    assert_eq!(forged.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn labels_assignees_checklists_and_links_show_on_the_board() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let (board_id, design) = board_and_card(&mut owner, &contract).await;
    let label = owner
        .ok(
            "/api/boards/label/create",
            &[
                ("board_id", &board_id),
                ("name", "Urgent"),
                ("colour", "red"),
                ("card_id", &design),
            ],
        )
        .await
        .to_string();
    let twice = owner
        .post(
            "/api/boards/label/create",
            &[
                ("board_id", &board_id),
                ("name", "urgent"),
                ("colour", "blue"),
            ],
        )
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    let odd = owner
        .post(
            "/api/boards/label/create",
            &[
                ("board_id", &board_id),
                ("name", "Odd"),
                ("colour", "#ff0000"),
            ],
        )
        .await;
    assert_eq!(odd.status, StatusCode::UNPROCESSABLE_ENTITY);

    let dev_id = dev.me().await["id"].to_string();
    owner
        .ok(
            "/api/boards/card/assign",
            &[("card_id", &design), ("user_id", &dev_id), ("on", "true")],
        )
        .await;
    let mut outsider = app.client();
    outsider.sign_up("outsider", &["wants_freelancer"]).await;
    let outsider_id = outsider.me().await["id"].to_string();
    let refused = owner
        .post(
            "/api/boards/card/assign",
            &[
                ("card_id", &design),
                ("user_id", &outsider_id),
                ("on", "true"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.field_error("user_id").as_deref(),
        Some("Only members of this board can be assigned.")
    );

    for item in ["Mood board", "Logo"] {
        dev.ok(
            "/api/boards/card/checklist/add",
            &[("card_id", &design), ("text", item)],
        )
        .await;
    }
    let detail = dev
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    let first = detail["checklist"][0]["id"].to_string();
    assert_eq!(detail["checklist"][0]["text"], "Mood board");
    dev.ok(
        "/api/boards/card/checklist/set",
        &[("item_id", &first), ("done", "true")],
    )
    .await;

    let unsafe_link = dev
        .post(
            "/api/boards/card/link/add",
            &[("card_id", &design), ("url", "javascript:alert(1)")],
        )
        .await;
    assert_eq!(unsafe_link.status, StatusCode::UNPROCESSABLE_ENTITY);
    dev.ok(
        "/api/boards/card/link/add",
        &[
            ("card_id", &design),
            ("url", "https://figma.example/file/1"),
            ("link_title", "Figma file"),
        ],
    )
    .await;

    let card = on_board(&mut owner, &board_id, &design).await;
    assert_eq!(card["badges"]["labels"][0]["name"], "Urgent");
    assert_eq!(card["badges"]["labels"][0]["colour"], "red");
    assert_eq!(card["badges"]["assignees"], serde_json::json!(["dev"]));
    assert_eq!(card["badges"]["checklist_done"], 1);
    assert_eq!(card["badges"]["checklist_total"], 2);

    let detail = owner
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    assert_eq!(detail["links"][0]["title"], "Figma file");
    let labels = detail["labels"].as_array().unwrap();
    assert!(
        labels
            .iter()
            .any(|l| l["label"]["id"].as_i64() == label.parse::<i64>().ok() && l["on"] == true)
    );
    let assignees = detail["assignees"].as_array().unwrap();
    assert!(
        assignees
            .iter()
            .any(|a| a["member"]["username"] == "dev" && a["on"] == true)
    );
    assert!(
        !assignees
            .iter()
            .any(|a| a["member"]["username"] == "outsider"),
        "only members are offered"
    );

    // Taking things off again.
    owner
        .ok(
            "/api/boards/card/label",
            &[("card_id", &design), ("label_id", &label), ("on", "false")],
        )
        .await;
    let link = detail["links"][0]["id"].to_string();
    owner
        .ok("/api/boards/card/link/remove", &[("link_id", &link)])
        .await;
    owner
        .ok("/api/boards/card/checklist/remove", &[("item_id", &first)])
        .await;
    let card = on_board(&mut owner, &board_id, &design).await;
    assert_eq!(card["badges"]["labels"], serde_json::json!([]));
    assert_eq!(card["badges"]["checklist_total"], 1);
    let detail = owner
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    assert_eq!(detail["links"], serde_json::json!([]));
    let lines: Vec<String> = detail["activity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["line"].as_str().unwrap().to_string())
        .collect();
    for expected in [
        "owner added the label “Urgent”",
        "owner assigned dev",
        "dev added “Logo” to the checklist",
        "dev completed “Mood board”",
        "dev attached a link",
        "owner removed the label “Urgent”",
    ] {
        assert!(lines.iter().any(|l| l == expected), "{expected}: {lines:?}");
    }
}

#[tokio::test]
async fn a_mention_notifies_the_board_member_named_and_no_one_else() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let (_board_id, design) = board_and_card(&mut owner, &contract).await;
    let mut outsider = app.client();
    outsider.sign_up("outsider", &["wants_freelancer"]).await;
    let before = dev.ok("/api/notifications/list", &[]).await;
    let empty = owner
        .post(
            "/api/boards/card/comment",
            &[("card_id", &design), ("body", "   ")],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    owner
        .ok(
            "/api/boards/card/comment",
            &[
                ("card_id", &design),
                (
                    "body",
                    "@dev can you share the `mood board`? cc @outsider @owner",
                ),
            ],
        )
        .await;
    let after = dev.ok("/api/notifications/list", &[]).await;
    let mention = after
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "card_mention")
        .unwrap_or_else(|| panic!("no mention in {after} (before: {before})"));
    assert_eq!(mention["title"], "owner mentioned you on “Design”");
    assert!(
        mention["link"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/cards/{design}"))
    );
    let outsider_list = outsider.ok("/api/notifications/list", &[]).await;
    assert!(
        !outsider_list
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["kind"] == "card_mention"),
        "someone not on the board learns nothing"
    );
    let own = owner.ok("/api/notifications/list", &[]).await;
    assert!(
        !own.as_array()
            .unwrap()
            .iter()
            .any(|n| n["kind"] == "card_mention"),
        "mentioning yourself does not notify you"
    );
    let detail = dev
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    let comment = &detail["comments"][0];
    assert_eq!(comment["author"], "owner");
    assert!(
        comment["html"]
            .as_str()
            .unwrap()
            .contains("<code>mood board</code>")
    );
}

#[tokio::test]
async fn only_a_comments_author_edits_or_deletes_it() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let (_board_id, design) = board_and_card(&mut owner, &contract).await;
    let mut stranger = app.client();
    stranger.sign_up("stranger", &["wants_client"]).await;
    owner
        .ok(
            "/api/boards/card/comment",
            &[("card_id", &design), ("body", "Mood board by Friday")],
        )
        .await;
    let detail = owner
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    let comment = detail["comments"][0]["id"].to_string();
    assert_eq!(detail["comments"][0]["mine"], true);
    assert_eq!(detail["comments"][0]["body"], "Mood board by Friday");
    let seen_by_dev = dev
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    assert_eq!(seen_by_dev["comments"][0]["mine"], false);
    assert_eq!(
        seen_by_dev["comments"][0]["body"], "",
        "only the author gets the source"
    );

    // Another member may not change it; a stranger learns nothing of it.
    for (who, status) in [
        (&mut dev, StatusCode::FORBIDDEN),
        (&mut stranger, StatusCode::NOT_FOUND),
    ] {
        let edit = who
            .post(
                "/api/boards/card/comment/edit",
                &[("comment_id", &comment), ("body", "Mine now")],
            )
            .await;
        assert_eq!(edit.status, status, "{}", edit.text());
        let delete = who
            .post(
                "/api/boards/card/comment/delete",
                &[("comment_id", &comment)],
            )
            .await;
        assert_eq!(delete.status, status, "{}", delete.text());
    }
    let unchanged = owner
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    assert_eq!(unchanged["comments"], detail["comments"]);

    // The author edits it (an empty text is refused); a new @mention
    // notifies, and the comment says it was edited.
    let empty = owner
        .post(
            "/api/boards/card/comment/edit",
            &[("comment_id", &comment), ("body", " ")],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    owner
        .ok(
            "/api/boards/card/comment/edit",
            &[
                ("comment_id", &comment),
                ("body", "Mood board by Monday, @dev"),
            ],
        )
        .await;
    let edited = dev
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    assert!(
        edited["comments"][0]["html"]
            .as_str()
            .unwrap()
            .contains("by Monday")
    );
    assert!(edited["comments"][0]["edited_at"].is_i64());
    let notices = dev.ok("/api/notifications/list", &[]).await;
    assert!(
        notices
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["kind"] == "card_mention"),
        "{notices}"
    );

    owner
        .ok(
            "/api/boards/card/comment/delete",
            &[("comment_id", &comment)],
        )
        .await;
    let gone = dev
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    assert_eq!(gone["comments"], serde_json::json!([]));
    assert!(
        gone["activity"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["line"] == "owner deleted a comment")
    );
}

#[tokio::test]
async fn archived_and_trashed_cards_are_listed_and_restored() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let (board_id, design) = board_and_card(&mut owner, &contract).await;
    let empty = owner
        .ok("/api/boards/put-away", &[("board_id", &board_id)])
        .await;
    assert_eq!(empty, serde_json::json!([]));
    owner
        .ok(
            "/api/boards/card/state",
            &[("card_id", &design), ("action", "trash"), ("version", "1")],
        )
        .await;
    let listed = dev
        .ok("/api/boards/put-away", &[("board_id", &board_id)])
        .await;
    assert_eq!(listed[0]["title"], "Design");
    assert_eq!(listed[0]["place"], "trashed");
    let detail = dev
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    assert_eq!(
        detail["place"], "trashed",
        "a trashed card can still be opened"
    );
    dev.ok(
        "/api/boards/card/state",
        &[
            ("card_id", &design),
            ("action", "restore"),
            ("version", &listed[0]["version"].to_string()),
        ],
    )
    .await;
    let listed = owner
        .ok("/api/boards/put-away", &[("board_id", &board_id)])
        .await;
    assert_eq!(listed, serde_json::json!([]));
    on_board(&mut owner, &board_id, &design).await;
}

#[tokio::test]
async fn someone_not_on_the_board_can_use_no_card_endpoint() {
    let app = TestApp::new().await;
    let (mut owner, _dev, contract) = contract_setup(&app).await;
    let (board_id, design) = board_and_card(&mut owner, &contract).await;
    owner
        .ok(
            "/api/boards/card/checklist/add",
            &[("card_id", &design), ("text", "Mood board")],
        )
        .await;
    owner
        .ok(
            "/api/boards/card/link/add",
            &[("card_id", &design), ("url", "https://figma.example/1")],
        )
        .await;
    let label = owner
        .ok(
            "/api/boards/label/create",
            &[
                ("board_id", &board_id),
                ("name", "Urgent"),
                ("colour", "red"),
            ],
        )
        .await
        .to_string();
    let detail = owner
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    let item = detail["checklist"][0]["id"].to_string();
    let link = detail["links"][0]["id"].to_string();
    let owner_id = owner.me().await["id"].to_string();
    let mut stranger = app.client();
    stranger.sign_up("stranger", &["wants_freelancer"]).await;
    let attempts: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("/api/boards/card/get", vec![("card_id", &design)]),
        (
            "/api/boards/card/edit",
            vec![("card_id", &design), ("version", "1"), ("title", "Mine")],
        ),
        (
            "/api/boards/card/label",
            vec![("card_id", &design), ("label_id", &label), ("on", "true")],
        ),
        (
            "/api/boards/label/create",
            vec![("board_id", &board_id), ("name", "Mine"), ("colour", "red")],
        ),
        (
            "/api/boards/card/assign",
            vec![
                ("card_id", &design),
                ("user_id", &owner_id),
                ("on", "false"),
            ],
        ),
        (
            "/api/boards/card/checklist/add",
            vec![("card_id", &design), ("text", "Mine")],
        ),
        (
            "/api/boards/card/checklist/set",
            vec![("item_id", &item), ("done", "true")],
        ),
        (
            "/api/boards/card/checklist/remove",
            vec![("item_id", &item)],
        ),
        (
            "/api/boards/card/comment",
            vec![("card_id", &design), ("body", "Hello @owner")],
        ),
        (
            "/api/boards/card/link/add",
            vec![("card_id", &design), ("url", "https://evil.example")],
        ),
        ("/api/boards/card/link/remove", vec![("link_id", &link)]),
        ("/api/boards/put-away", vec![("board_id", &board_id)]),
    ];
    for (path, fields) in attempts {
        let answer = stranger.post(path, &fields).await;
        assert_eq!(
            answer.status,
            StatusCode::NOT_FOUND,
            "{path}: {}",
            answer.text()
        );
        let visitor = app.client().post(path, &fields).await;
        assert_eq!(visitor.status, StatusCode::UNAUTHORIZED, "{path}");
    }
    let after = owner
        .ok("/api/boards/card/get", &[("card_id", &design)])
        .await;
    assert_eq!(after["card"]["version"], detail["card"]["version"]);
    assert_eq!(after["checklist"], detail["checklist"]);
    assert_eq!(after["links"], detail["links"]);
    assert_eq!(after["comments"], serde_json::json!([]));
    assert_eq!(after["card"]["badges"]["labels"], serde_json::json!([]));
}

#[tokio::test]
async fn columns_are_added_renamed_reordered_archived_and_restored() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let (board_id, _design) = board_and_card(&mut owner, &contract).await;
    let names = |list: &Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .filter(|c| c["archived"] == false)
            .map(|c| c["name"].as_str().unwrap().to_string())
            .collect()
    };
    let added = dev
        .ok(
            "/api/boards/column/add",
            &[("board_id", &board_id), ("name", "Blocked")],
        )
        .await
        .to_string();
    let list = owner
        .ok("/api/boards/columns", &[("board_id", &board_id)])
        .await;
    assert_eq!(
        names(&list),
        ["To do", "In progress", "Review", "Done", "Blocked"]
    );
    owner
        .ok(
            "/api/boards/column/move",
            &[("column_id", &added), ("version", "1"), ("position", "2")],
        )
        .await;
    let stale = dev
        .post(
            "/api/boards/column/edit",
            &[("column_id", &added), ("version", "1"), ("name", "Stuck")],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let bad_limit = owner
        .post(
            "/api/boards/column/edit",
            &[
                ("column_id", &added),
                ("version", "2"),
                ("name", "Waiting"),
                ("wip_limit", "0"),
            ],
        )
        .await;
    assert_eq!(bad_limit.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad_limit.field_error("wip_limit").is_some());
    owner
        .ok(
            "/api/boards/column/edit",
            &[
                ("column_id", &added),
                ("version", "2"),
                ("name", "Waiting"),
                ("wip_limit", "2"),
            ],
        )
        .await;
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    assert_eq!(board["columns"][1]["name"], "Waiting");
    assert_eq!(board["columns"][1]["wip_limit"], 2);
    owner
        .ok(
            "/api/boards/column/archive",
            &[
                ("column_id", &added),
                ("version", "3"),
                ("archived", "true"),
            ],
        )
        .await;
    let list = owner
        .ok("/api/boards/columns", &[("board_id", &board_id)])
        .await;
    assert_eq!(names(&list), ["To do", "In progress", "Review", "Done"]);
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    assert_eq!(
        board["columns"].as_array().unwrap().len(),
        4,
        "archived columns are off the board"
    );
    owner
        .ok(
            "/api/boards/column/archive",
            &[
                ("column_id", &added),
                ("version", "4"),
                ("archived", "false"),
            ],
        )
        .await;
    let list = owner
        .ok("/api/boards/columns", &[("board_id", &board_id)])
        .await;
    assert_eq!(
        names(&list),
        ["To do", "In progress", "Review", "Done", "Waiting"],
        "restored at the end"
    );

    let mut stranger = app.client();
    stranger.sign_up("stranger", &["wants_freelancer"]).await;
    for (path, fields) in [
        ("/api/boards/columns", vec![("board_id", board_id.as_str())]),
        (
            "/api/boards/column/add",
            vec![("board_id", board_id.as_str()), ("name", "Mine")],
        ),
        (
            "/api/boards/column/edit",
            vec![
                ("column_id", added.as_str()),
                ("version", "5"),
                ("name", "Mine"),
            ],
        ),
        (
            "/api/boards/column/move",
            vec![
                ("column_id", added.as_str()),
                ("version", "5"),
                ("position", "1"),
            ],
        ),
        (
            "/api/boards/column/archive",
            vec![
                ("column_id", added.as_str()),
                ("version", "5"),
                ("archived", "true"),
            ],
        ),
    ] {
        let answer = stranger.post(path, &fields).await;
        assert_eq!(answer.status, StatusCode::NOT_FOUND, "{path}");
    }
    let list = owner
        .ok("/api/boards/columns", &[("board_id", &board_id)])
        .await;
    assert_eq!(
        names(&list),
        ["To do", "In progress", "Review", "Done", "Waiting"],
        "nothing changed"
    );
}

/// Statements `path` runs for `client`.
async fn queries_for(
    app: &TestApp,
    client: &mut Client<'_>,
    path: &str,
    fields: &[(&str, &str)],
) -> usize {
    use std::sync::atomic::Ordering;
    let before = app.queries.load(Ordering::SeqCst);
    client.ok(path, fields).await;
    app.queries.load(Ordering::SeqCst) - before
}

#[tokio::test]
async fn a_board_costs_the_same_queries_with_three_cards_or_sixty() {
    let app = TestApp::new().await;
    let mut maya = app.client();
    maya.sign_up("maya", &["wants_client"]).await;
    let small = maya
        .ok("/api/boards/create", &[("title", "Small")])
        .await
        .to_string();
    let large = maya
        .ok("/api/boards/create", &[("title", "Large")])
        .await
        .to_string();
    let label = |board: &str| {
        [
            ("board_id", board.to_string()),
            ("name", "Urgent".to_string()),
            ("colour", "red".to_string()),
        ]
    };
    let mut fill = async |board: &str, cards: usize| {
        let fields = label(board);
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let label = maya.ok("/api/boards/label/create", &refs).await.to_string();
        let view = maya.ok("/api/boards/get", &[("id", board)]).await;
        let columns: Vec<String> = view["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].to_string())
            .collect();
        for i in 0..cards {
            let column = &columns[i % columns.len()];
            let card = maya
                .ok(
                    "/api/boards/card/add",
                    &[
                        ("board_id", board),
                        ("column_id", column),
                        ("title", &format!("Card {i}")),
                    ],
                )
                .await["id"]
                .to_string();
            maya.ok(
                "/api/boards/card/label",
                &[("card_id", &card), ("label_id", &label), ("on", "true")],
            )
            .await;
            maya.ok(
                "/api/boards/card/checklist/add",
                &[("card_id", &card), ("text", "Check")],
            )
            .await;
            maya.ok(
                "/api/boards/card/comment",
                &[("card_id", &card), ("body", "Looks good")],
            )
            .await;
        }
    };
    fill(&small, 3).await;
    fill(&large, 60).await;
    let few = queries_for(&app, &mut maya, "/api/boards/get", &[("id", &small)]).await;
    let many = queries_for(&app, &mut maya, "/api/boards/get", &[("id", &large)]).await;
    assert_eq!(few, many, "a board's queries do not grow with its cards");
    assert!(many <= 25, "{many} statements for one board");
    let view = maya.ok("/api/boards/get", &[("id", &large)]).await;
    let first = &view["columns"][0]["cards"][0]["badges"];
    assert_eq!(first["comments"], 1);
    assert_eq!(first["checklist_total"], 1);
    assert_eq!(first["labels"][0]["name"], "Urgent");
}

#[tokio::test]
async fn search_and_filters_pick_cards_while_counts_stay_whole() {
    let app = TestApp::new().await;
    let mut maya = app.client();
    maya.sign_up("maya", &["wants_client"]).await;
    let me = maya.me().await["id"].to_string();
    let board = maya
        .ok("/api/boards/create", &[("title", "Launch")])
        .await
        .to_string();
    let view = maya.ok("/api/boards/get", &[("id", &board)]).await;
    let todo = view["columns"][0]["id"].to_string();
    let mut ids = Vec::new();
    for title in [
        "Logo drafts",
        "Price list",
        "LOGO final",
        "100% cotton_bags",
    ] {
        let card = maya
            .ok(
                "/api/boards/card/add",
                &[("board_id", &board), ("column_id", &todo), ("title", title)],
            )
            .await;
        ids.push((card["id"].to_string(), card["version"].to_string()));
    }
    let label = maya
        .ok(
            "/api/boards/label/create",
            &[
                ("board_id", &board),
                ("name", "Design"),
                ("colour", "purple"),
                ("card_id", &ids[0].0),
            ],
        )
        .await
        .to_string();
    maya.ok(
        "/api/boards/card/assign",
        &[("card_id", &ids[1].0), ("user_id", &me), ("on", "true")],
    )
    .await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    let soon = (chrono::DateTime::from_timestamp(now, 0)
        .expect("now")
        .date_naive()
        + chrono::Days::new(3))
    .format("%Y-%m-%d")
    .to_string();
    for (i, due) in [(2, "2020-01-01"), (3, soon.as_str())] {
        maya.ok(
            "/api/boards/card/edit",
            &[
                ("card_id", &ids[i].0),
                ("version", &ids[i].1),
                (
                    "title",
                    if i == 2 {
                        "LOGO final"
                    } else {
                        "100% cotton_bags"
                    },
                ),
                ("due_on", due),
            ],
        )
        .await;
    }
    let titles = |view: &Value| -> Vec<String> {
        view["columns"][0]["cards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["title"].as_str().unwrap().to_string())
            .collect()
    };
    let pick = async |client: &mut Client<'_>, key: &str, value: &str| {
        client
            .ok("/api/boards/get", &[("id", board.as_str()), (key, value)])
            .await
    };
    let found = pick(&mut maya, "q", "logo").await;
    assert_eq!(
        titles(&found),
        ["Logo drafts", "LOGO final"],
        "case-insensitive"
    );
    assert_eq!(found["columns"][0]["matching"], 2);
    assert_eq!(
        found["columns"][0]["total"], 4,
        "the WIP count is the whole column"
    );
    assert_eq!(found["filter"]["q"], "logo");
    assert_eq!(
        titles(&pick(&mut maya, "q", "%").await),
        ["100% cotton_bags"],
        "wildcards are literal"
    );
    assert_eq!(
        titles(&pick(&mut maya, "q", "n_b").await),
        ["100% cotton_bags"]
    );
    assert_eq!(
        titles(&pick(&mut maya, "label", &label).await),
        ["Logo drafts"]
    );
    assert_eq!(
        titles(&pick(&mut maya, "assignee", &me).await),
        ["Price list"]
    );
    assert_eq!(
        titles(&pick(&mut maya, "due", "overdue").await),
        ["LOGO final"]
    );
    assert_eq!(
        titles(&pick(&mut maya, "due", "soon").await),
        ["100% cotton_bags"]
    );
    let all = pick(&mut maya, "due", "someday").await;
    assert_eq!(
        titles(&all).len(),
        4,
        "a filter that names nothing filters nothing"
    );
}

#[tokio::test]
async fn a_big_board_sends_each_column_in_pages() {
    let app = TestApp::new().await;
    let made =
        server::seed::big_board::create(&app.state.db, 870, 8, server::router::SESSION_COOKIE)
            .await
            .expect("big board");
    assert_eq!(made.cards, 870);
    let mut member = app.client();
    member.cookie = Some(made.cookies[1].clone());
    let id = made.board_id.to_string();
    let board = member.ok("/api/boards/get", &[("id", &id)]).await;
    let columns = board["columns"].as_array().unwrap();
    assert_eq!(columns.len(), 8);
    let first = &columns[0];
    assert_eq!(first["total"], 109, "870 cards over 8 columns");
    assert_eq!(
        first["cards"].as_array().unwrap().len(),
        30,
        "a screenful and more at first"
    );
    let column = first["id"].to_string();
    let page = |offset: &'static str| {
        [
            ("board_id", id.clone()),
            ("column_id", column.clone()),
            ("offset", offset.to_string()),
        ]
    };
    let fields = page("30");
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let next = member.ok("/api/boards/column", &refs).await;
    let next = next.as_array().unwrap();
    assert_eq!(next.len(), 79, "a page of up to 100: the other 79");
    assert_eq!(
        next[0]["title"], "Task 31 in column 1",
        "the next page follows the first in order"
    );
    // "Show more" without JavaScript: the board's address asks for more of
    // one column, and the others still send their first cards.
    let more = member
        .ok(
            "/api/boards/get",
            &[("id", &id), ("show", &format!("{column}:130"))],
        )
        .await;
    let counts: Vec<usize> = more["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["cards"].as_array().unwrap().len())
        .collect();
    assert_eq!(counts[0], 109, "all of the first column");
    assert!(counts[1..].iter().all(|n| *n == 30), "{counts:?}");
    let fields = page("100");
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let rest = member.ok("/api/boards/column", &refs).await;
    let titles: Vec<&str> = rest
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 9);
    assert_eq!(
        titles[0], "Task 101 in column 1",
        "the next page follows in order"
    );
    let searched = member
        .ok(
            "/api/boards/column",
            &[
                ("board_id", &id),
                ("column_id", &column),
                ("offset", "0"),
                ("q", "Task 10"),
            ],
        )
        .await;
    assert_eq!(
        searched.as_array().unwrap().len(),
        11,
        "Task 10 and Task 100 to 109 (a page keeps the search)"
    );
}

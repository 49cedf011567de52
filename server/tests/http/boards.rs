//! Boards over HTTP: the team board made with a contract, moves by position
//! with versions (a stale move is a Conflict), concurrent moves that end
//! consistent, archive/trash/restore, personal boards and invitations, and
//! every forbidden path for someone who is not on the board.

use super::support::{TestApp, contract_setup};
use http::StatusCode;
use serde_json::Value;

/// The board's columns as (name, [card titles]) in order.
fn layout(board: &Value) -> Vec<(String, Vec<String>)> {
    board["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap().to_string(),
                c["cards"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|k| k["title"].as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect()
}

fn column_id(board: &Value, name: &str) -> String {
    board["columns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .map(|c| c["id"].to_string())
        .unwrap()
}

fn card<'a>(board: &'a Value, title: &str) -> &'a Value {
    board["columns"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["cards"].as_array().unwrap())
        .find(|k| k["title"] == title)
        .unwrap()
}

#[tokio::test]
async fn a_contract_gets_a_team_board_with_a_card_per_milestone() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let view = dev.ok("/api/contracts/get", &[("id", &contract)]).await;
    let board_id = view["board_id"].to_string();
    assert_ne!(board_id, "null", "the contract links to its board");
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    assert_eq!(
        layout(&board),
        vec![
            ("To do".into(), vec!["Design".into(), "Build".into()]),
            ("In progress".into(), vec![]),
            ("Review".into(), vec![]),
            ("Done".into(), vec![]),
        ]
    );
    assert_eq!(board["members"].as_array().unwrap().len(), 2);
    let list = dev.ok("/api/boards/list", &[]).await;
    assert_eq!(list[0]["team"], true);
    assert_eq!(list[0]["cards"], 2);
}

#[tokio::test]
async fn moves_go_by_position_and_stale_versions_are_refused() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let board_id =
        owner.ok("/api/contracts/get", &[("id", &contract)]).await["board_id"].to_string();
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    let todo = column_id(&board, "To do");
    let doing = column_id(&board, "In progress");
    let design = card(&board, "Design").clone();
    let build = card(&board, "Build").clone();
    owner
        .ok(
            "/api/boards/card/add",
            &[
                ("board_id", &board_id),
                ("column_id", &todo),
                ("title", "Pick a colour palette"),
            ],
        )
        .await;
    // Build to the top of To do.
    let moved = dev
        .ok(
            "/api/boards/card/move",
            &[
                ("card_id", &build["id"].to_string()),
                ("column_id", &todo),
                ("position", "1"),
                ("version", &build["version"].to_string()),
            ],
        )
        .await;
    assert_eq!(moved["card"]["version"], 2);
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    assert_eq!(
        layout(&board)[0].1,
        vec!["Build", "Design", "Pick a colour palette"]
    );
    // The owner saw Build at version 1: their move is refused, nothing lost.
    let stale = owner
        .post(
            "/api/boards/card/move",
            &[
                ("card_id", &build["id"].to_string()),
                ("column_id", &doing),
                ("position", "1"),
                ("version", &build["version"].to_string()),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.text());
    assert!(
        stale.text().contains("changed this card"),
        "{}",
        stale.text()
    );
    // Design to In progress, past the end: it goes last.
    dev.ok(
        "/api/boards/card/move",
        &[
            ("card_id", &design["id"].to_string()),
            ("column_id", &doing),
            ("position", "99"),
            ("version", "1"),
        ],
    )
    .await;
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    assert_eq!(layout(&board)[0].1, vec!["Build", "Pick a colour palette"]);
    assert_eq!(layout(&board)[1].1, vec!["Design"]);
}

#[tokio::test]
async fn concurrent_moves_of_one_card_leave_it_in_exactly_one_place() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let board_id =
        owner.ok("/api/contracts/get", &[("id", &contract)]).await["board_id"].to_string();
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    let design = card(&board, "Design")["id"].to_string();
    let review = column_id(&board, "Review");
    let done = column_id(&board, "Done");
    let a = [
        ("card_id", design.as_str()),
        ("column_id", review.as_str()),
        ("position", "1"),
        ("version", "1"),
    ];
    let b = [
        ("card_id", design.as_str()),
        ("column_id", done.as_str()),
        ("position", "1"),
        ("version", "1"),
    ];
    let (first, second) = tokio::join!(
        owner.post("/api/boards/card/move", &a),
        dev.post("/api/boards/card/move", &b)
    );
    let statuses = [first.status, second.status];
    assert!(
        statuses.contains(&StatusCode::OK) && statuses.contains(&StatusCode::CONFLICT),
        "one move wins, the other is refused: {statuses:?}"
    );
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    let places: Vec<String> = layout(&board)
        .into_iter()
        .filter(|(_, cards)| cards.contains(&"Design".to_string()))
        .map(|(name, _)| name)
        .collect();
    let expected = if first.status == StatusCode::OK {
        "Review"
    } else {
        "Done"
    };
    assert_eq!(places, vec![expected.to_string()]);
    let total: usize = layout(&board).iter().map(|(_, c)| c.len()).sum();
    assert_eq!(total, 2, "no card lost or duplicated");
}

#[tokio::test]
async fn archive_trash_and_restore() {
    let app = TestApp::new().await;
    let (mut owner, _dev, contract) = contract_setup(&app).await;
    let board_id =
        owner.ok("/api/contracts/get", &[("id", &contract)]).await["board_id"].to_string();
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    let design = card(&board, "Design")["id"].to_string();
    let archived = owner
        .ok(
            "/api/boards/card/state",
            &[
                ("card_id", &design),
                ("action", "archive"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(archived["version"], 2);
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    assert_eq!(layout(&board)[0].1, vec!["Build"]);
    let trashed = owner
        .ok(
            "/api/boards/card/state",
            &[("card_id", &design), ("action", "trash"), ("version", "2")],
        )
        .await;
    assert_eq!(trashed["version"], 3);
    let bad = owner
        .post(
            "/api/boards/card/state",
            &[("card_id", &design), ("action", "burn"), ("version", "3")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    owner
        .ok(
            "/api/boards/card/state",
            &[
                ("card_id", &design),
                ("action", "restore"),
                ("version", "3"),
            ],
        )
        .await;
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    assert_eq!(layout(&board)[0].1, vec!["Build", "Design"]);
}

#[tokio::test]
async fn personal_boards_are_shared_by_invitation_only() {
    let app = TestApp::new().await;
    let mut maya = app.client();
    maya.sign_up("maya", &["wants_client"]).await;
    let mut ravi = app.client();
    ravi.sign_up("ravi", &["wants_freelancer"]).await;
    let empty = maya.post("/api/boards/create", &[("title", "   ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.field_error("title").is_some());
    let board_id = maya
        .ok("/api/boards/create", &[("title", "Launch plan")])
        .await
        .to_string();
    let hidden = ravi.post("/api/boards/get", &[("id", &board_id)]).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    let by_guest = ravi
        .post(
            "/api/boards/invite",
            &[("board_id", &board_id), ("username", "ravi")],
        )
        .await;
    assert_eq!(
        by_guest.status,
        StatusCode::NOT_FOUND,
        "only members see it"
    );
    let unknown = maya
        .post(
            "/api/boards/invite",
            &[("board_id", &board_id), ("username", "nobody-here")],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    maya.ok(
        "/api/boards/invite",
        &[("board_id", &board_id), ("username", "@Ravi")],
    )
    .await;
    let board = ravi.ok("/api/boards/get", &[("id", &board_id)]).await;
    assert_eq!(board["title"], "Launch plan");
    let again = ravi
        .post(
            "/api/boards/invite",
            &[("board_id", &board_id), ("username", "maya")],
        )
        .await;
    assert_eq!(
        again.status,
        StatusCode::FORBIDDEN,
        "only the owner invites"
    );
}

#[tokio::test]
async fn someone_not_on_the_board_can_neither_read_nor_change_it() {
    let app = TestApp::new().await;
    let (mut owner, _dev, contract) = contract_setup(&app).await;
    let board_id =
        owner.ok("/api/contracts/get", &[("id", &contract)]).await["board_id"].to_string();
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    let todo = column_id(&board, "To do");
    let design = card(&board, "Design")["id"].to_string();
    let mut stranger = app.client();
    stranger.sign_up("stranger", &["wants_freelancer"]).await;
    let attempts: [(&str, Vec<(&str, &str)>); 6] = [
        ("/api/boards/get", vec![("id", &board_id)]),
        (
            "/api/boards/column",
            vec![
                ("board_id", &board_id),
                ("column_id", &todo),
                ("offset", "0"),
            ],
        ),
        (
            "/api/boards/card/add",
            vec![
                ("board_id", &board_id),
                ("column_id", &todo),
                ("title", "Mine now"),
            ],
        ),
        (
            "/api/boards/card/move",
            vec![
                ("card_id", &design),
                ("column_id", &todo),
                ("position", "2"),
                ("version", "1"),
            ],
        ),
        (
            "/api/boards/card/state",
            vec![("card_id", &design), ("action", "trash"), ("version", "1")],
        ),
        ("/api/boards/card/targets", vec![("card_id", &design)]),
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
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    assert_eq!(
        layout(&board)[0].1,
        vec!["Design", "Build"],
        "nothing changed"
    );
}

#[tokio::test]
async fn milestone_cards_follow_delivery_and_approval() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let view = dev.ok("/api/contracts/get", &[("id", &contract)]).await;
    let board_id = view["board_id"].to_string();
    let design = view["milestones"][0]["id"].to_string();
    // The team renames the columns milestones follow: they still follow.
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    for (column, name) in [(2, "Client check"), (3, "Shipped")] {
        let column = &board["columns"][column];
        owner
            .ok(
                "/api/boards/column/edit",
                &[
                    ("column_id", &column["id"].to_string()),
                    ("version", &column["version"].to_string()),
                    ("name", name),
                ],
            )
            .await;
    }
    dev.ok(
        "/api/contracts/milestones/submit",
        &[("milestone_id", &design)],
    )
    .await;
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    assert_eq!(layout(&board)[2].0, "Client check");
    assert_eq!(layout(&board)[2].1, vec!["Design"], "delivered: Review");
    owner
        .ok(
            "/api/contracts/milestones/approve",
            &[("milestone_id", &design)],
        )
        .await;
    let board = owner.ok("/api/boards/get", &[("id", &board_id)]).await;
    assert_eq!(layout(&board)[3].1, vec!["Design"], "approved: Done");
    assert_eq!(layout(&board)[0].1, vec!["Build"]);
    let design_card = card(&board, "Design")["id"].to_string();
    let detail = owner
        .ok("/api/boards/card/get", &[("card_id", &design_card)])
        .await;
    assert!(
        detail["activity"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["line"] == "Milestone approved: Guild moved this card to Shipped"),
        "{detail}"
    );
}

#[tokio::test]
async fn a_move_reaches_members_viewing_the_board_and_strangers_cannot_listen() {
    use super::live_support::Socket;
    use serde_json::json;
    let app = TestApp::new().await;
    let addr = app.serve().await;
    let (mut owner, dev, contract) = contract_setup(&app).await;
    let board_id: i32 = owner.ok("/api/contracts/get", &[("id", &contract)]).await["board_id"]
        .as_i64()
        .unwrap() as i32;
    let board = owner
        .ok("/api/boards/get", &[("id", &board_id.to_string())])
        .await;
    let done = column_id(&board, "Done");
    let build = card(&board, "Build")["id"].to_string();

    let (mut watcher, _) = Socket::connect(addr, &dev, None).await;
    watcher
        .send(json!({"type": "subscribe", "topic": {"kind": "board", "id": board_id}}))
        .await;
    let mut stranger = app.client();
    stranger.sign_up("stranger", &["wants_client"]).await;
    let (mut outsider, _) = Socket::connect(addr, &stranger, None).await;
    outsider
        .send(json!({"type": "subscribe", "topic": {"kind": "board", "id": board_id}}))
        .await;
    let refused = outsider.next().await;
    assert_eq!(refused["type"], "error");
    assert_eq!(refused["code"], "forbidden");

    // Make sure the subscription is in place before moving.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    owner
        .ok(
            "/api/boards/card/move",
            &[
                ("card_id", &build),
                ("column_id", &done),
                ("position", "1"),
                ("version", "1"),
            ],
        )
        .await;
    let signal = loop {
        // Skip who-is-looking signals (the watcher's own arrival).
        let signal = watcher.next_of("signal").await;
        if signal["signal"]["kind"] == "board" {
            break signal;
        }
    };
    assert_eq!(signal["topic"]["kind"], "board");
    assert_eq!(signal["signal"]["change"]["change"], "card");
    assert_eq!(signal["signal"]["change"]["card"]["title"], "Build");
    assert_eq!(
        signal["signal"]["change"]["card"]["column_id"].to_string(),
        done
    );
    assert!(
        outsider
            .try_next(std::time::Duration::from_millis(300))
            .await
            .is_none(),
        "the stranger hears nothing"
    );
}

#[tokio::test]
async fn moving_a_milestone_card_to_done_offers_delivery_to_the_freelancer_only() {
    let app = TestApp::new().await;
    let (mut owner, mut dev, contract) = contract_setup(&app).await;
    let board_id = dev.ok("/api/contracts/get", &[("id", &contract)]).await["board_id"].to_string();
    let board = dev.ok("/api/boards/get", &[("id", &board_id)]).await;
    let done = column_id(&board, "Done");
    let review = column_id(&board, "Review");
    let design = card(&board, "Design")["id"].to_string();
    let build = card(&board, "Build")["id"].to_string();
    let moved = dev
        .ok(
            "/api/boards/card/move",
            &[
                ("card_id", &design),
                ("column_id", &done),
                ("position", "1"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(moved["deliver_at"], format!("/contracts/{contract}"));
    let contract_view = dev.ok("/api/contracts/get", &[("id", &contract)]).await;
    assert_eq!(
        contract_view["milestones"][0]["status"], "pending",
        "offered, never delivered by the move"
    );
    let by_client = owner
        .ok(
            "/api/boards/card/move",
            &[
                ("card_id", &build),
                ("column_id", &done),
                ("position", "1"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(by_client["deliver_at"], serde_json::Value::Null);
    let within = dev
        .ok(
            "/api/boards/card/move",
            &[
                ("card_id", &design),
                ("column_id", &review),
                ("position", "1"),
                ("version", "2"),
            ],
        )
        .await;
    assert_eq!(within["deliver_at"], serde_json::Value::Null, "not in Done");
}

#[tokio::test]
async fn members_looking_at_a_board_see_each_other_arrive_and_leave() {
    use super::live_support::Socket;
    use serde_json::json;
    let app = TestApp::new().await;
    let addr = app.serve().await;
    let (mut owner, dev, contract) = contract_setup(&app).await;
    let board_id: i64 = owner.ok("/api/contracts/get", &[("id", &contract)]).await["board_id"]
        .as_i64()
        .unwrap();
    let subscribe = json!({"type": "subscribe", "topic": {"kind": "board", "id": board_id}});
    let viewing = async |socket: &mut Socket| loop {
        let signal = socket.next_of("signal").await;
        if signal["signal"]["kind"] == "viewing" {
            break signal["signal"].clone();
        }
    };

    let (mut first, _) = Socket::connect(addr, &owner, None).await;
    first.send(subscribe.clone()).await;
    let own = viewing(&mut first).await;
    assert_eq!(
        own["name"], "owner",
        "an arrival reaches the board's viewers"
    );

    let (mut second, _) = Socket::connect(addr, &dev, None).await;
    second.send(subscribe.clone()).await;
    let arrival = viewing(&mut first).await;
    assert_eq!(arrival["name"], "dev");
    assert_eq!(arrival["here"], true);
    assert_eq!(arrival["answer"], false);
    assert_eq!(viewing(&mut second).await["name"], "dev");

    // The owner's tab answers, so the newcomer learns who is already here.
    first
        .send(json!({"type": "here", "board_id": board_id}))
        .await;
    let answer = viewing(&mut second).await;
    assert_eq!(answer["name"], "owner");
    assert_eq!(answer["answer"], true);
    assert_eq!(
        viewing(&mut first).await["name"],
        "owner",
        "the answer reaches every viewer, the answerer too"
    );

    drop(second);
    let left = viewing(&mut first).await;
    assert_eq!(left["name"], "dev");
    assert_eq!(left["here"], false, "closing the tab leaves the board");

    // Someone not subscribed (not a member) cannot claim to be looking.
    let mut stranger = app.client();
    stranger.sign_up("stranger", &["wants_client"]).await;
    let (mut outsider, _) = Socket::connect(addr, &stranger, None).await;
    outsider
        .send(json!({"type": "here", "board_id": board_id}))
        .await;
    assert_eq!(outsider.next().await["code"], "forbidden");
    assert!(
        first
            .try_next(std::time::Duration::from_millis(300))
            .await
            .is_none(),
        "nothing reaches the board's viewers"
    );
}

//! Changes made on a card's own page: its text, due date and cover (with
//! the version the writer saw), labels, assignees (board members only),
//! checklist, comments (an @mention notifies the member named) and links.
//! Each runs in one transaction, checks membership first, records the
//! card's activity and is pushed to every viewer of the board after commit.

use super::access::{is_member, member_board};
use super::load::card_summary;
use super::merge::{EditFields, FIELD_NAMES, Merged, merge};
use super::service::{claim, invalid, member_card, publish, record, title};
use crate::accounts::model::CurrentUser;
use crate::boards::card_model::{MAX_DESCRIPTION, MAX_ITEM, is_colour};
use crate::boards::model::BoardChange;
use crate::boards::rank;
use crate::entity::{
    board_label, card, card_assignee, card_label, card_link, checklist_item, user,
};
use crate::error::{AppError, FormErrors};
use crate::notifications::model::NotificationKind;
use crate::notifications::server::raise::{Notice, raise};
use crate::state::AppState;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait,
};

/// The longest link address, in characters.
pub const MAX_URL: usize = 2_000;

/// Pushes the card as it is now to every viewer of its board.
pub(super) async fn push(state: &AppState, c: &card::Model, by: i32) -> Result<(), AppError> {
    let fresh = card::Entity::find_by_id(c.id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let card = card_summary(&state.db, &fresh).await?;
    publish(&state.live, c.board_id, BoardChange::Card { card, by });
    Ok(())
}

/// What the card form sends.
#[derive(Clone, Debug, Default)]
pub struct CardEdit {
    /// The title.
    pub title: String,
    /// The description's Markdown.
    pub description: String,
    /// The due date, `YYYY-MM-DD`, or empty for none.
    pub due_on: String,
    /// A palette colour, or empty for no cover.
    pub cover: String,
}

/// Saves a card's title, description, due date and cover. `version` is
/// the card's version the writer saw and `base` the digests of its fields
/// then (see [`merge`]): a save against a newer version keeps the other
/// person's changes to the fields this writer left alone, and is refused
/// (Conflict, handing back what was typed) only for a field both changed.
pub async fn edit(
    state: &AppState,
    user: &CurrentUser,
    card_id: i32,
    version: i32,
    base: &str,
    input: &CardEdit,
) -> Result<(), AppError> {
    let name = title(&input.title, "title", "Give the card a title.")?;
    let description = crate::text::text(&input.description, MAX_DESCRIPTION, None)
        .map_err(|m| invalid("description", m, &input.description))?;
    let due = input.due_on.trim();
    if !due.is_empty() {
        chrono::NaiveDate::parse_from_str(due, "%Y-%m-%d")
            .map_err(|_| invalid("due_on", "Pick a date (YYYY-MM-DD).", due))?;
    }
    let cover = input.cover.trim();
    if !cover.is_empty() && !is_colour(cover) {
        return Err(invalid(
            "cover",
            "Pick a cover colour from the list.",
            cover,
        ));
    }
    let typed: EditFields = [name, description, due.to_string(), cover.to_string()];
    let txn = state.db.begin().await?;
    let (c, [name, description, due_on, cover]) =
        match claim(&txn, card_id, user.id, version).await {
            Ok(c) => (c, typed),
            Err(AppError::Conflict(_)) => {
                let now = member_card(&txn, card_id, user.id).await?;
                match merge(base, &typed, &fields_of(&now)) {
                    Some(Merged::Clean(merged)) => {
                        let c = claim(&txn, card_id, user.id, now.version)
                            .await
                            .map_err(|e| match e {
                                AppError::Conflict(_) => refused(input, &[]),
                                other => other,
                            })?;
                        (c, merged)
                    }
                    Some(Merged::Clash(fields)) => return Err(refused(input, &fields)),
                    None => return Err(refused(input, &[])),
                }
            }
            Err(e) => return Err(e),
        };
    let due_on = Some(due_on).filter(|d| !d.is_empty());
    let cover = Some(cover).filter(|c| !c.is_empty());
    let who = &user.display_name;
    let mut lines = Vec::new();
    if c.title != name {
        lines.push(format!(
            "{who} renamed this card from “{}” to “{name}”",
            c.title
        ));
    }
    if c.description != description {
        lines.push(format!("{who} changed the description"));
    }
    if c.due_on != due_on {
        lines.push(match &due_on {
            Some(d) => format!("{who} set the due date to {d}"),
            None => format!("{who} removed the due date"),
        });
    }
    if c.cover != cover {
        lines.push(match &cover {
            Some(colour) => format!("{who} set the cover to {colour}"),
            None => format!("{who} removed the cover"),
        });
    }
    if lines.is_empty() {
        // Nothing changed: the claim is rolled back with the transaction.
        return Ok(());
    }
    card::Entity::update_many()
        .col_expr(card::Column::Title, Expr::value(name))
        .col_expr(card::Column::Description, Expr::value(description))
        .col_expr(card::Column::DueOn, Expr::value(due_on))
        .col_expr(card::Column::Cover, Expr::value(cover))
        .filter(card::Column::Id.eq(c.id))
        .exec(&txn)
        .await?;
    for line in lines {
        record(&txn, &c, Some(user.id), line).await?;
    }
    txn.commit().await?;
    push(state, &c, user.id).await
}

/// A card's edit-form fields as stored.
pub fn fields_of(c: &card::Model) -> EditFields {
    [
        c.title.clone(),
        c.description.clone(),
        c.due_on.clone().unwrap_or_default(),
        c.cover.clone().unwrap_or_default(),
    ]
}

/// A refused save keeps what the writer typed, to show it again beside
/// the other person's saved version (the page reloads the card on a
/// conflict), and marks the fields both changed.
fn refused(input: &CardEdit, clashed: &[usize]) -> AppError {
    let mut errors = FormErrors::new().with_form(
        "Someone else saved this card while you were editing. The card now shows their \
         version and its activity says what changed; your text is kept in the form: save \
         again to replace theirs.",
    );
    for field in clashed {
        errors.add(
            FIELD_NAMES[*field],
            "Changed by someone else too: save again to replace theirs with this.",
        );
    }
    errors
        .keep("title", &input.title)
        .keep("description", &input.description)
        .keep("due_on", &input.due_on)
        .keep("cover", &input.cover);
    AppError::Conflict(errors)
}

/// A label of `board_id`.
async fn board_label_of(
    db: &impl ConnectionTrait,
    board_id: i32,
    label_id: i32,
) -> Result<board_label::Model, AppError> {
    board_label::Entity::find_by_id(label_id)
        .filter(board_label::Column::BoardId.eq(board_id))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Puts a board label on a card (`on`) or takes it off.
pub async fn set_label(
    state: &AppState,
    user: &CurrentUser,
    card_id: i32,
    label_id: i32,
    on: bool,
) -> Result<(), AppError> {
    let txn = state.db.begin().await?;
    let c = member_card(&txn, card_id, user.id).await?;
    let label = board_label_of(&txn, c.board_id, label_id).await?;
    let has = card_label::Entity::find_by_id((c.id, label.id))
        .one(&txn)
        .await?
        .is_some();
    if has == on {
        return Ok(());
    }
    if on {
        card_label::ActiveModel {
            card_id: Set(c.id),
            label_id: Set(label.id),
            board_id: Set(c.board_id),
        }
        .insert(&txn)
        .await?;
    } else {
        card_label::Entity::delete_by_id((c.id, label.id))
            .exec(&txn)
            .await?;
    }
    let verb = if on {
        "added the label"
    } else {
        "removed the label"
    };
    record(
        &txn,
        &c,
        Some(user.id),
        format!("{} {verb} “{}”", user.display_name, label.name),
    )
    .await?;
    txn.commit().await?;
    push(state, &c, user.id).await
}

/// Creates a board label (`colour` from the palette); with `card_id`, also
/// puts it on that card. Returns the label's id.
pub async fn create_label(
    state: &AppState,
    user: &CurrentUser,
    board_id: i32,
    raw_name: &str,
    colour: &str,
    card_id: Option<i32>,
) -> Result<i32, AppError> {
    let name = crate::text::line(raw_name, 40, Some("Name the label."))
        .map_err(|m| invalid("name", m, raw_name))?;
    if !is_colour(colour) {
        return Err(invalid("colour", "Pick a colour from the list.", colour));
    }
    let txn = state.db.begin().await?;
    member_board(&txn, board_id, user.id).await?;
    let taken = board_label::Entity::find()
        .filter(board_label::Column::BoardId.eq(board_id))
        .all(&txn)
        .await?
        .into_iter()
        .any(|l| l.name.to_lowercase() == name.to_lowercase());
    if taken {
        let mut errors = FormErrors::new();
        errors
            .add("name", "This board has a label with that name already.")
            .keep("name", raw_name);
        return Err(AppError::Conflict(errors));
    }
    let label = board_label::ActiveModel {
        board_id: Set(board_id),
        name: Set(name),
        color: Set(colour.to_string()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    if let Some(card_id) = card_id {
        set_label(state, user, card_id, label.id, true).await?;
    }
    Ok(label.id)
}

/// Assigns a board member to a card (`on`) or unassigns them. Only the
/// board's members can be assigned; a newly assigned member is notified.
pub async fn set_assignee(
    state: &AppState,
    user: &CurrentUser,
    card_id: i32,
    assignee: i32,
    on: bool,
) -> Result<(), AppError> {
    let txn = state.db.begin().await?;
    let c = member_card(&txn, card_id, user.id).await?;
    if !is_member(&txn, c.board_id, assignee).await? {
        return Err(invalid(
            "user_id",
            "Only members of this board can be assigned.",
            &assignee.to_string(),
        ));
    }
    let has = card_assignee::Entity::find_by_id((c.id, assignee))
        .one(&txn)
        .await?
        .is_some();
    if has == on {
        return Ok(());
    }
    let name = user::Entity::find_by_id(assignee)
        .one(&txn)
        .await?
        .map(|u| u.display_name)
        .unwrap_or_default();
    let mut stored = Vec::new();
    if on {
        card_assignee::ActiveModel {
            card_id: Set(c.id),
            user_id: Set(assignee),
            board_id: Set(c.board_id),
        }
        .insert(&txn)
        .await?;
        if assignee != user.id {
            stored = raise(
                &txn,
                vec![Notice::new(
                    assignee,
                    NotificationKind::CardMention,
                    format!("{} assigned you to “{}”", user.display_name, c.title),
                    card_path(&c),
                )],
            )
            .await?;
        }
    } else {
        card_assignee::Entity::delete_by_id((c.id, assignee))
            .exec(&txn)
            .await?;
    }
    let line = match (on, assignee == user.id) {
        (true, true) => format!("{name} joined this card"),
        (false, true) => format!("{name} left this card"),
        (true, false) => format!("{} assigned {name}", user.display_name),
        (false, false) => format!("{} unassigned {name}", user.display_name),
    };
    record(&txn, &c, Some(user.id), line).await?;
    txn.commit().await?;
    crate::live::server::log::publish(&state.live, stored);
    push(state, &c, user.id).await
}

/// Where a card's own page is.
pub fn card_path(c: &card::Model) -> String {
    format!("/boards/{}/cards/{}", c.board_id, c.id)
}

/// Adds an item at the end of a card's checklist.
pub async fn add_checklist_item(
    state: &AppState,
    user: &CurrentUser,
    card_id: i32,
    raw: &str,
) -> Result<(), AppError> {
    let text = crate::text::line(raw, MAX_ITEM, Some("Say what needs doing."))
        .map_err(|m| invalid("text", m, raw))?;
    let txn = state.db.begin().await?;
    let c = member_card(&txn, card_id, user.id).await?;
    let last: Option<String> = checklist_item::Entity::find()
        .select_only()
        .column(checklist_item::Column::Rank)
        .filter(checklist_item::Column::CardId.eq(c.id))
        .order_by_desc(checklist_item::Column::Rank)
        .limit(1)
        .into_tuple()
        .one(&txn)
        .await?;
    checklist_item::ActiveModel {
        card_id: Set(c.id),
        text: Set(text.clone()),
        done: Set(false),
        rank: Set(rank::between(last.as_deref(), None)?),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    record(
        &txn,
        &c,
        Some(user.id),
        format!("{} added “{text}” to the checklist", user.display_name),
    )
    .await?;
    txn.commit().await?;
    push(state, &c, user.id).await
}

/// A checklist item of a card on a board `user` is on, with the card.
async fn member_item(
    db: &impl ConnectionTrait,
    item_id: i32,
    user: i32,
) -> Result<(checklist_item::Model, card::Model), AppError> {
    let item = checklist_item::Entity::find_by_id(item_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let c = member_card(db, item.card_id, user).await?;
    Ok((item, c))
}

/// Ticks a checklist item off (`done`) or opens it again.
pub async fn set_checklist_item(
    state: &AppState,
    user: &CurrentUser,
    item_id: i32,
    done: bool,
) -> Result<(), AppError> {
    let txn = state.db.begin().await?;
    let (item, c) = member_item(&txn, item_id, user.id).await?;
    let changed = checklist_item::Entity::update_many()
        .col_expr(checklist_item::Column::Done, Expr::value(done))
        .filter(checklist_item::Column::Id.eq(item.id))
        .filter(checklist_item::Column::Done.eq(!done))
        .exec(&txn)
        .await?;
    if changed.rows_affected == 0 {
        return Ok(());
    }
    let verb = if done { "completed" } else { "reopened" };
    record(
        &txn,
        &c,
        Some(user.id),
        format!("{} {verb} “{}”", user.display_name, item.text),
    )
    .await?;
    txn.commit().await?;
    push(state, &c, user.id).await
}

/// Removes a checklist item.
pub async fn remove_checklist_item(
    state: &AppState,
    user: &CurrentUser,
    item_id: i32,
) -> Result<(), AppError> {
    let txn = state.db.begin().await?;
    let (item, c) = member_item(&txn, item_id, user.id).await?;
    checklist_item::Entity::delete_by_id(item.id)
        .exec(&txn)
        .await?;
    record(
        &txn,
        &c,
        Some(user.id),
        format!(
            "{} removed “{}” from the checklist",
            user.display_name, item.text
        ),
    )
    .await?;
    txn.commit().await?;
    push(state, &c, user.id).await
}

/// Attaches a link (http or https) to a card; the title defaults to the
/// address.
pub async fn add_link(
    state: &AppState,
    user: &CurrentUser,
    card_id: i32,
    raw_url: &str,
    raw_title: &str,
) -> Result<(), AppError> {
    let address = raw_url.trim();
    let parsed = url::Url::parse(address)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some());
    if parsed.is_none() || address.chars().count() > MAX_URL {
        return Err(invalid(
            "url",
            "Enter a web address starting with https:// or http://.",
            raw_url,
        ));
    }
    let name = crate::text::line(raw_title, MAX_ITEM, None)
        .map_err(|m| invalid("link_title", m, raw_title))?;
    let txn = state.db.begin().await?;
    let c = member_card(&txn, card_id, user.id).await?;
    card_link::ActiveModel {
        card_id: Set(c.id),
        url: Set(address.to_string()),
        title: Set(if name.is_empty() {
            address.to_string()
        } else {
            name
        }),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    record(
        &txn,
        &c,
        Some(user.id),
        format!("{} attached a link", user.display_name),
    )
    .await?;
    txn.commit().await?;
    push(state, &c, user.id).await
}

/// Removes a link from a card.
pub async fn remove_link(
    state: &AppState,
    user: &CurrentUser,
    link_id: i32,
) -> Result<(), AppError> {
    let txn = state.db.begin().await?;
    let link = card_link::Entity::find_by_id(link_id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let c = member_card(&txn, link.card_id, user.id).await?;
    card_link::Entity::delete_by_id(link.id).exec(&txn).await?;
    record(
        &txn,
        &c,
        Some(user.id),
        format!("{} removed the link “{}”", user.display_name, link.title),
    )
    .await?;
    txn.commit().await?;
    push(state, &c, user.id).await
}

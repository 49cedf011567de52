//! Reading boards: the list of mine, and one board with each column's
//! first cards (a fixed number of queries whatever the board's size).

use crate::boards::card_model::LabelTag;
use crate::boards::model::{
    BoardMember, BoardSummary, BoardView, CARDS_AT_FIRST, CardFilter, CardSummary, ColumnView,
    DueFilter, ShowMore,
};
use crate::entity::{
    board, board_column, board_label, board_member, card, card_assignee, card_label, user,
};
use crate::error::AppError;
use sea_orm::sea_query::{Expr, Func, LikeExpr, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use std::collections::HashMap;

/// The columns `card::Entity` queries select for a [`CardSummary`].
#[derive(FromQueryResult)]
struct CardRow {
    id: i32,
    column_id: i32,
    rank: String,
    title: String,
    version: i32,
    due_on: Option<String>,
    milestone_id: Option<i32>,
    cover: Option<String>,
}

impl From<CardRow> for CardSummary {
    fn from(r: CardRow) -> Self {
        CardSummary {
            id: r.id,
            column_id: r.column_id,
            rank: r.rank,
            title: r.title,
            version: r.version,
            overdue: is_overdue(r.due_on.as_deref()),
            due_on: r.due_on,
            milestone_id: r.milestone_id,
            cover: r.cover,
            badges: Default::default(),
        }
    }
}

/// Today (UTC).
fn today() -> chrono::NaiveDate {
    chrono::DateTime::from_timestamp_millis(crate::live::server::hub::now_ms())
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

/// Whether a `YYYY-MM-DD` due date is before today (UTC).
pub fn is_overdue(due: Option<&str>) -> bool {
    due.and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .is_some_and(|due| due < today())
}

/// `text` with the `LIKE` wildcards and the escape character escaped.
fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Narrows a query of cards to those `filter` picks.
fn filtered(mut select: Select<card::Entity>, filter: &CardFilter) -> Select<card::Entity> {
    let q = filter.q.trim().to_lowercase();
    if !q.is_empty() {
        let pattern = format!("%{}%", escape_like(&q));
        select = select.filter(
            Expr::expr(Func::lower(Expr::col((card::Entity, card::Column::Title))))
                .like(LikeExpr::new(pattern).escape('\\')),
        );
    }
    if let Some(label) = filter.label {
        select = select.filter(
            card::Column::Id.in_subquery(
                Query::select()
                    .column(card_label::Column::CardId)
                    .from(card_label::Entity)
                    .and_where(card_label::Column::LabelId.eq(label))
                    .to_owned(),
            ),
        );
    }
    if let Some(person) = filter.assignee {
        select = select.filter(
            card::Column::Id.in_subquery(
                Query::select()
                    .column(card_assignee::Column::CardId)
                    .from(card_assignee::Entity)
                    .and_where(card_assignee::Column::UserId.eq(person))
                    .to_owned(),
            ),
        );
    }
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    match filter.due {
        Some(DueFilter::Overdue) => select.filter(card::Column::DueOn.lt(day(today()))),
        Some(DueFilter::Soon) => select
            .filter(card::Column::DueOn.gte(day(today())))
            .filter(card::Column::DueOn.lte(day(today() + chrono::Days::new(7)))),
        None => select,
    }
}

/// A card as columns show it, without its badges (see
/// [`card_summary`] for a single card with them).
pub fn summary(c: &card::Model) -> CardSummary {
    CardSummary {
        id: c.id,
        column_id: c.column_id,
        rank: c.rank.clone(),
        title: c.title.clone(),
        version: c.version,
        due_on: c.due_on.clone(),
        overdue: is_overdue(c.due_on.as_deref()),
        milestone_id: c.milestone_id,
        cover: c.cover.clone(),
        badges: Default::default(),
    }
}

/// A card as columns show it, badges included.
pub async fn card_summary(
    db: &impl ConnectionTrait,
    c: &card::Model,
) -> Result<CardSummary, AppError> {
    let mut one = [summary(c)];
    super::badges::fill(db, &mut one).await?;
    let [card] = one;
    Ok(card)
}

fn card_columns() -> [card::Column; 8] {
    [
        card::Column::Id,
        card::Column::ColumnId,
        card::Column::Rank,
        card::Column::Title,
        card::Column::Version,
        card::Column::DueOn,
        card::Column::MilestoneId,
        card::Column::Cover,
    ]
}

/// The boards `user` is on: team boards first, then by name.
pub async fn mine(db: &impl ConnectionTrait, user: i32) -> Result<Vec<BoardSummary>, AppError> {
    let ids: Vec<i32> = board_member::Entity::find()
        .select_only()
        .column(board_member::Column::BoardId)
        .filter(board_member::Column::UserId.eq(user))
        .into_tuple()
        .all(db)
        .await?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let boards = board::Entity::find()
        .filter(board::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?;
    let counts: HashMap<i32, i64> = card::Entity::find()
        .select_only()
        .column(card::Column::BoardId)
        .column_as(card::Column::Id.count(), "n")
        .filter(card::Column::BoardId.is_in(ids))
        .filter(card::Column::State.eq(card::State::Active))
        .group_by(card::Column::BoardId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut list: Vec<BoardSummary> = boards
        .into_iter()
        .map(|b| BoardSummary {
            id: b.id,
            cards: counts.get(&b.id).copied().unwrap_or(0),
            team: b.kind == board::Kind::Contract,
            title: b.title,
        })
        .collect();
    list.sort_by(|a, b| b.team.cmp(&a.team).then_with(|| a.title.cmp(&b.title)));
    Ok(list)
}

/// The members of a board, by name.
pub async fn members(
    db: &impl ConnectionTrait,
    board_id: i32,
) -> Result<Vec<BoardMember>, AppError> {
    let ids: Vec<i32> = board_member::Entity::find()
        .select_only()
        .column(board_member::Column::UserId)
        .filter(board_member::Column::BoardId.eq(board_id))
        .into_tuple()
        .all(db)
        .await?;
    let mut members: Vec<BoardMember> = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| BoardMember {
            user_id: u.id,
            username: u.username,
            display_name: u.display_name,
        })
        .collect();
    members.sort_by(|a, b| a.display_name.cmp(&b.display_name));
    Ok(members)
}

/// The board's columns in order (archived ones left out).
pub async fn columns(
    db: &impl ConnectionTrait,
    board_id: i32,
) -> Result<Vec<board_column::Model>, AppError> {
    Ok(board_column::Entity::find()
        .filter(board_column::Column::BoardId.eq(board_id))
        .filter(board_column::Column::Archived.eq(false))
        .order_by_asc(board_column::Column::Rank)
        .order_by_asc(board_column::Column::Id)
        .all(db)
        .await?)
}

/// One column's active cards from `offset`, at most `limit`, in order,
/// with their badges.
pub async fn column_cards(
    db: &impl ConnectionTrait,
    column: i32,
    offset: u64,
    limit: u64,
    filter: &CardFilter,
) -> Result<Vec<CardSummary>, AppError> {
    let mut cards = column_page(db, column, offset, limit, filter).await?;
    super::badges::fill(db, &mut cards).await?;
    Ok(cards)
}

/// One column's active cards from `offset`, at most `limit`, in order,
/// without badges.
async fn column_page(
    db: &impl ConnectionTrait,
    column: i32,
    offset: u64,
    limit: u64,
    filter: &CardFilter,
) -> Result<Vec<CardSummary>, AppError> {
    Ok(filtered(card::Entity::find(), filter)
        .select_only()
        .columns(card_columns())
        .filter(card::Column::ColumnId.eq(column))
        .filter(card::Column::State.eq(card::State::Active))
        .order_by_asc(card::Column::Rank)
        .order_by_asc(card::Column::Id)
        .offset(offset)
        .limit(limit)
        .into_model::<CardRow>()
        .all(db)
        .await?
        .into_iter()
        .map(CardSummary::from)
        .collect())
}

/// How many active cards (that `filter` picks) each of a board's columns
/// holds.
pub(super) async fn column_totals(
    db: &impl ConnectionTrait,
    board_id: i32,
    filter: &CardFilter,
) -> Result<HashMap<i32, i64>, AppError> {
    Ok(filtered(card::Entity::find(), filter)
        .select_only()
        .column(card::Column::ColumnId)
        .column_as(card::Column::Id.count(), "n")
        .filter(card::Column::BoardId.eq(board_id))
        .filter(card::Column::State.eq(card::State::Active))
        .group_by(card::Column::ColumnId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// A board as its page shows it, for a member (the caller checks).
pub async fn board_view(
    db: &impl ConnectionTrait,
    b: &board::Model,
    me: i32,
    filter: &CardFilter,
    more: Option<ShowMore>,
) -> Result<BoardView, AppError> {
    let cols = columns(db, b.id).await?;
    let totals = column_totals(db, b.id, &CardFilter::default()).await?;
    let matching = if filter.is_empty() {
        totals.clone()
    } else {
        column_totals(db, b.id, filter).await?
    };
    let mut pages = Vec::with_capacity(cols.len());
    for c in &cols {
        let size = match more {
            Some(m) if m.column == c.id => m.cards,
            _ => CARDS_AT_FIRST,
        };
        pages.push(column_page(db, c.id, 0, size as u64, filter).await?);
    }
    let sizes: Vec<usize> = pages.iter().map(Vec::len).collect();
    let mut shown: Vec<CardSummary> = pages.into_iter().flatten().collect();
    super::badges::fill(db, &mut shown).await?;
    let mut shown = shown.into_iter();
    let mut columns = Vec::with_capacity(cols.len());
    for (c, size) in cols.into_iter().zip(sizes) {
        let cards: Vec<CardSummary> = shown.by_ref().take(size).collect();
        columns.push(ColumnView {
            id: c.id,
            name: c.name,
            wip_limit: c.wip_limit,
            version: c.version,
            total: totals.get(&c.id).copied().unwrap_or(0) as usize,
            matching: matching.get(&c.id).copied().unwrap_or(0) as usize,
            cards,
        });
    }
    Ok(BoardView {
        id: b.id,
        title: b.title.clone(),
        gig_id: b.gig_id,
        members: members(db, b.id).await?,
        columns,
        me,
        can_invite: b.kind == board::Kind::Personal && b.owner_id == me,
        labels: labels(db, b.id).await?,
        filter: filter.clone(),
    })
}

/// A board's labels, by name.
pub async fn labels(db: &impl ConnectionTrait, board_id: i32) -> Result<Vec<LabelTag>, AppError> {
    Ok(board_label::Entity::find()
        .filter(board_label::Column::BoardId.eq(board_id))
        .order_by_asc(board_label::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|l| LabelTag {
            id: l.id,
            name: l.name,
            colour: l.color,
        })
        .collect())
}

/// A member's card (active), its board and the columns it can move to
/// with their sizes (the "Move…" form).
pub async fn move_targets(
    db: &impl ConnectionTrait,
    card_id: i32,
    me: i32,
) -> Result<(i32, CardSummary, Vec<crate::boards::model::MoveTarget>), AppError> {
    let c = card::Entity::find_by_id(card_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::boards::server::access::member_board(db, c.board_id, me).await?;
    if c.state != card::State::Active {
        return Err(AppError::NotFound);
    }
    let totals = column_totals(db, c.board_id, &CardFilter::default()).await?;
    let targets = columns(db, c.board_id)
        .await?
        .into_iter()
        .map(|col| crate::boards::model::MoveTarget {
            total: totals.get(&col.id).copied().unwrap_or(0) as usize,
            column_id: col.id,
            name: col.name,
        })
        .collect();
    Ok((c.board_id, summary(&c), targets))
}

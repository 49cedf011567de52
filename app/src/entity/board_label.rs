//! `board_labels`: a board's coloured labels.

use sea_orm::entity::prelude::*;

/// A label.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "board_labels")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub board_id: i32,
    pub name: String,
    /// One of the palette's colour names.
    pub color: String,
}

/// Relations of `board_labels`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

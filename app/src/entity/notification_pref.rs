//! `notification_prefs`: a user's choice for one kind (defaults apply
//! where no row exists).

use crate::notifications::model::{EmailChoice, NotificationKind};
use sea_orm::entity::prelude::*;

/// One user's settings for one kind.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notification_prefs")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub kind: NotificationKind,
    pub in_app: bool,
    pub email: EmailChoice,
}

/// Relations of `notification_prefs`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

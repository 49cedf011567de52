//! `users`: accounts, the sides of the market they hold, and their capabilities.

use sea_orm::entity::prelude::*;

/// One account.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Lower-cased, unique.
    pub email: String,
    /// Lower-cased, unique.
    pub username: String,
    pub display_name: String,
    /// An argon2id PHC string.
    pub password_hash: String,
    /// Holds the client/student side.
    pub has_client: bool,
    /// Holds the freelancer/coach side.
    pub has_freelancer: bool,
    /// `client` or `freelancer`.
    pub active_mode: String,
    pub is_admin: bool,
    pub is_super_admin: bool,
    pub created_at: i64,
    pub updated_at: i64,
    /// Suspended until this time (Unix seconds); see
    /// `moderation::model::SUSPENDED_FOREVER` for a permanent suspension.
    pub suspended_until: Option<i64>,
    /// Why, as the admin wrote it (shown to the user at log-in).
    #[sea_orm(column_type = "Text")]
    pub suspension_reason: String,
    /// The TOTP secret in base32 (empty without two-factor sign-in).
    pub totp_secret: String,
    /// When two-factor sign-in was turned on.
    pub totp_enabled_at: Option<i64>,
    /// The last TOTP time step a code was accepted for.
    pub totp_last_step: i64,
}

/// Relations of `users`.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

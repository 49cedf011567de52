//! Errors of the public API: JSON bodies with a message per parameter.

use app::error::AppError;
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// What went wrong.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// A sentence about the problem.
    pub error: String,
    /// Problems per query parameter.
    pub fields: BTreeMap<String, String>,
}

/// A failed API request.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        Self(e)
    }
}

impl From<sea_orm::DbErr> for ApiError {
    #[track_caller]
    fn from(e: sea_orm::DbErr) -> Self {
        Self(AppError::internal(e))
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        let mut errors = app::error::FormErrors::new();
        errors.form = Some(format!("Bad query parameters: {}", rejection.body_text()));
        Self(AppError::Invalid(errors))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = match &self.0 {
            AppError::Invalid(_) => StatusCode::BAD_REQUEST,
            other => {
                StatusCode::from_u16(other.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
            }
        };
        let fields = self
            .0
            .form_errors()
            .map(|f| f.fields.clone())
            .unwrap_or_default();
        let error = match (&self.0, fields.is_empty()) {
            (AppError::Invalid(_), false) => format!(
                "Invalid parameters: {}",
                fields
                    .iter()
                    .map(|(k, v)| format!("{k}: {v}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            _ => self.0.summary(),
        };
        (status, Json(ErrorBody { error, fields })).into_response()
    }
}

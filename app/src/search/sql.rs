//! A small builder for portable raw SQL with `$n` placeholders (both SQLite
//! and PostgreSQL accept them).

use sea_orm::{DbBackend, Statement, Value};

/// SQL text and its bound values.
#[derive(Debug, Clone)]
pub struct SqlBuilder {
    backend: DbBackend,
    sql: String,
    values: Vec<Value>,
}

impl SqlBuilder {
    /// An empty statement for `backend`.
    pub fn new(backend: DbBackend) -> Self {
        Self {
            backend,
            sql: String::new(),
            values: Vec::new(),
        }
    }

    /// The backend the SQL is for.
    pub fn backend(&self) -> DbBackend {
        self.backend
    }

    /// Whether the backend is PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        self.backend == DbBackend::Postgres
    }

    /// Appends literal SQL.
    pub fn push(&mut self, sql: &str) -> &mut Self {
        self.sql.push_str(sql);
        self
    }

    /// Binds a value and returns its placeholder (`$3`).
    pub fn bind(&mut self, value: impl Into<Value>) -> String {
        self.values.push(value.into());
        format!("${}", self.values.len())
    }

    /// Appends SQL in which `{}` is replaced by the placeholder of `value`.
    pub fn push_bound(&mut self, template: &str, value: impl Into<Value>) -> &mut Self {
        let placeholder = self.bind(value);
        self.sql.push_str(&template.replacen("{}", &placeholder, 1));
        self
    }

    /// A comma-separated list of placeholders for `values` (`$4, $5, $6`).
    pub fn bind_list<V: Into<Value>>(&mut self, values: impl IntoIterator<Item = V>) -> String {
        values
            .into_iter()
            .map(|v| self.bind(v))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The SQL so far.
    pub fn sql(&self) -> &str {
        &self.sql
    }

    /// The finished statement.
    pub fn build(&self) -> Statement {
        Statement::from_sql_and_values(self.backend, self.sql.clone(), self.values.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_count_up() {
        let mut b = SqlBuilder::new(DbBackend::Sqlite);
        b.push("SELECT 1 WHERE a = ").push_bound("{} AND b IN (", 5);
        let list = b.bind_list(["x", "y"]);
        b.push(&list).push(")");
        assert_eq!(b.sql(), "SELECT 1 WHERE a = $1 AND b IN ($2, $3)");
        assert_eq!(b.build().values.map(|v| v.0.len()), Some(3));
    }
}

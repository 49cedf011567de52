//! Keeping the search indexes in step with profiles and gigs.

use sea_orm::{ConnectionTrait, DbBackend, DbErr, FromQueryResult, Statement};

#[derive(Debug, FromQueryResult)]
struct FreelancerDoc {
    name: String,
    tagline: String,
    bio: String,
    skills: Option<String>,
    roles: Option<String>,
    status: String,
}

#[derive(Debug, FromQueryResult)]
struct GigDoc {
    title: String,
    description: String,
    skills: Option<String>,
    roles: Option<String>,
}

fn stmt(db: &impl ConnectionTrait, sql: &str, values: Vec<sea_orm::Value>) -> Statement {
    Statement::from_sql_and_values(db.get_database_backend(), sql, values)
}

/// Group-concatenation in each dialect.
fn concat(db: &impl ConnectionTrait, expr: &str) -> String {
    match db.get_database_backend() {
        DbBackend::Postgres => format!("string_agg({expr}, ' ')"),
        _ => format!("group_concat({expr}, ' ')"),
    }
}

/// Re-indexes one freelancer: approved profiles are searchable, others are removed.
pub async fn index_freelancer(db: &impl ConnectionTrait, user_id: i32) -> Result<(), DbErr> {
    super::TALENT_CHANGED.bump();
    let sql = format!(
        "SELECT u.display_name AS name, fp.tagline, fp.bio, fp.status, \
           (SELECT {skills} FROM profile_skills ps JOIN skills s ON s.id = ps.skill_id WHERE ps.user_id = fp.user_id) AS skills, \
           (SELECT {roles} FROM profile_roles pr JOIN roles r ON r.id = pr.role_id WHERE pr.user_id = fp.user_id) AS roles \
         FROM freelancer_profiles fp JOIN users u ON u.id = fp.user_id WHERE fp.user_id = $1",
        skills = concat(db, "s.name"),
        roles = concat(db, "r.name"),
    );
    let doc = FreelancerDoc::find_by_statement(stmt(db, &sql, vec![user_id.into()]))
        .one(db)
        .await?;
    remove_freelancer(db, user_id).await?;
    let Some(doc) = doc.filter(|d| d.status == "approved") else {
        return Ok(());
    };
    let values: Vec<sea_orm::Value> = vec![
        user_id.into(),
        doc.name.into(),
        doc.tagline.into(),
        doc.bio.into(),
        doc.skills.unwrap_or_default().into(),
        doc.roles.unwrap_or_default().into(),
    ];
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => {
            "INSERT INTO freelancer_search (user_id, document) VALUES ($1, \
               setweight(to_tsvector('english', $2), 'A') || setweight(to_tsvector('english', $6), 'A') || \
               setweight(to_tsvector('english', $5), 'B') || setweight(to_tsvector('english', $3), 'B') || \
               setweight(to_tsvector('english', $4), 'C'))"
        }
        _ => {
            "INSERT INTO freelancer_search (rowid, name, tagline, bio, skills, roles) VALUES ($1, $2, $3, $4, $5, $6)"
        }
    };
    db.execute(stmt(db, sql, values)).await?;
    Ok(())
}

/// Removes a freelancer from the index.
pub async fn remove_freelancer(db: &impl ConnectionTrait, user_id: i32) -> Result<(), DbErr> {
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => "DELETE FROM freelancer_search WHERE user_id = $1",
        _ => "DELETE FROM freelancer_search WHERE rowid = $1",
    };
    db.execute(stmt(db, sql, vec![user_id.into()])).await?;
    Ok(())
}

/// Re-indexes one gig: open public gigs are searchable, others are removed.
pub async fn index_gig(db: &impl ConnectionTrait, gig_id: i32) -> Result<(), DbErr> {
    super::GIGS_CHANGED.bump();
    let sql = format!(
        "SELECT g.title, g.description, \
           (SELECT {skills} FROM gig_skills gs JOIN skills s ON s.id = gs.skill_id WHERE gs.gig_id = g.id) AS skills, \
           (SELECT {roles} FROM gig_roles gr JOIN roles r ON r.id = gr.role_id WHERE gr.gig_id = g.id) AS roles \
         FROM gigs g WHERE g.id = $1 AND g.status = 'open' AND g.visibility = 'public' AND g.hidden_at IS NULL",
        skills = concat(db, "s.name"),
        roles = concat(db, "r.name"),
    );
    let doc = GigDoc::find_by_statement(stmt(db, &sql, vec![gig_id.into()]))
        .one(db)
        .await?;
    remove_gig(db, gig_id).await?;
    let Some(doc) = doc else {
        return Ok(());
    };
    let values: Vec<sea_orm::Value> = vec![
        gig_id.into(),
        doc.title.into(),
        doc.description.into(),
        doc.skills.unwrap_or_default().into(),
        doc.roles.unwrap_or_default().into(),
    ];
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => {
            "INSERT INTO gig_search (gig_id, document) VALUES ($1, \
               setweight(to_tsvector('english', $2), 'A') || setweight(to_tsvector('english', $5), 'A') || \
               setweight(to_tsvector('english', $4), 'B') || setweight(to_tsvector('english', $3), 'C'))"
        }
        _ => {
            "INSERT INTO gig_search (rowid, title, description, skills, roles) VALUES ($1, $2, $3, $4, $5)"
        }
    };
    db.execute(stmt(db, sql, values)).await?;
    Ok(())
}

/// Removes a gig from the index.
pub async fn remove_gig(db: &impl ConnectionTrait, gig_id: i32) -> Result<(), DbErr> {
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => "DELETE FROM gig_search WHERE gig_id = $1",
        _ => "DELETE FROM gig_search WHERE rowid = $1",
    };
    db.execute(stmt(db, sql, vec![gig_id.into()])).await?;
    Ok(())
}

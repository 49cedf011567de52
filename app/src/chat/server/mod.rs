//! Chat on the server: membership checks, conversations, the batched
//! writer and the operations the server functions and the socket call.

pub mod access;
pub mod conversations;
pub mod markers;
pub mod repo;
pub mod service;
pub mod writer;

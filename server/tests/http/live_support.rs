//! A WebSocket client for tests: connects to `/ws` with a test client's
//! session cookie and reads protocol frames as JSON.

use super::support::{Client, ORIGIN, TestApp};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async};

/// An open test socket.
pub struct Socket {
    ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

/// Opens `/ws` with `cookie` and `origin`; the HTTP status on refusal.
pub async fn open(addr: SocketAddr, cookie: Option<&str>, origin: &str) -> Result<Socket, u16> {
    let mut request = format!("ws://{addr}/ws")
        .into_client_request()
        .expect("request");
    request
        .headers_mut()
        .insert("origin", origin.parse().expect("origin"));
    if let Some(cookie) = cookie {
        request
            .headers_mut()
            .insert("cookie", cookie.parse().expect("cookie"));
    }
    match connect_async(request).await {
        Ok((ws, _)) => Ok(Socket { ws }),
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            Err(response.status().as_u16())
        }
        Err(e) => panic!("connect: {e}"),
    }
}

impl Socket {
    /// Opens a socket as `client` and says hello; returns it and the welcome.
    pub async fn connect(
        addr: SocketAddr,
        client: &Client<'_>,
        last_seq: Option<i64>,
    ) -> (Self, Value) {
        let mut socket = open(addr, client.cookie.as_deref(), ORIGIN)
            .await
            .expect("upgrade");
        socket
            .send(json!({"type": "hello", "version": 1, "last_seq": last_seq}))
            .await;
        let welcome = socket.next().await;
        assert_eq!(welcome["type"], "welcome", "{welcome}");
        (socket, welcome)
    }

    /// Sends a JSON frame.
    pub async fn send(&mut self, frame: Value) {
        self.ws
            .send(Message::Text(frame.to_string().into()))
            .await
            .expect("send");
    }

    /// Sends raw text.
    pub async fn send_text(&mut self, text: String) {
        let _ = self.ws.send(Message::Text(text.into())).await;
    }

    /// The next text frame as JSON (panics after 5 s or on close).
    pub async fn next(&mut self) -> Value {
        self.try_next(Duration::from_secs(5))
            .await
            .expect("a frame within 5 s")
    }

    /// The next text frame within `wait`, if any.
    pub async fn try_next(&mut self, wait: Duration) -> Option<Value> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let frame = tokio::time::timeout_at(deadline, self.ws.next())
                .await
                .ok()??;
            match frame.ok()? {
                Message::Text(text) => return Some(serde_json::from_str(&text).expect("json")),
                Message::Close(_) => return None,
                _ => {}
            }
        }
    }

    /// The next frame of `kind` (`"event"`, `"ack"`, …), skipping others.
    pub async fn next_of(&mut self, kind: &str) -> Value {
        loop {
            let frame = self.next().await;
            if frame["type"] == kind {
                return frame;
            }
        }
    }

    /// Waits for the server to close the socket; returns the close code.
    pub async fn closed(&mut self) -> Option<u16> {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        loop {
            match tokio::time::timeout_at(deadline, self.ws.next()).await {
                Ok(Some(Ok(Message::Close(frame)))) => return frame.map(|f| u16::from(f.code)),
                Ok(Some(Ok(_))) => {}
                Ok(Some(Err(_)) | None) | Err(_) => return None,
            }
        }
    }
}

/// A client and an approved freelancer in a direct conversation.
pub async fn pair(app: &TestApp) -> (Client<'_>, Client<'_>, String) {
    let freelancer = app
        .approved_freelancer("dev", "web-developer", "CSS", "40")
        .await;
    let mut client = app.client();
    client.sign_up("owner", &["wants_client"]).await;
    let conversation = client
        .ok("/api/messages/start", &[("username", "dev")])
        .await
        .to_string();
    (client, freelancer, conversation)
}

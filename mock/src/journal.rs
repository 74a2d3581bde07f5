//! The request journal: what the mock was asked and how it answered, for the last N requests.
//! Never a header, a body or a query string: no token or secret can be in it.

use std::collections::VecDeque;

use botsession::{Api, Operation, MAX_PATH_LEN};
use serde_json::{json, Value};

use crate::fault::api_name;

/// The most bytes of a method kept (a longer one is cut).
const MAX_METHOD_LEN: usize = 32;

/// One journalled request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The method, as sent (cut at 32 bytes).
    pub method: String,
    /// The path without its query (cut at [`MAX_PATH_LEN`] bytes).
    pub path: String,
    /// The API whose path it is (`aily`, `lex`, `lexV2`), if any.
    pub api: Option<&'static str>,
    /// The operation it routed to, typed or not (`DeleteSession`, `RecognizeText`), if any.
    pub operation: Option<&'static str>,
    /// The status answered.
    pub status: u16,
    /// The request id or log id answered, if any.
    pub request_id: Option<String>,
    /// The credential the request used, where the server checks credentials: the Feishu app
    /// id its token was issued to (or asked for one with), or the AWS access key id it was
    /// signed with (or claimed to be). Never a secret or a token.
    pub credential: Option<String>,
}

impl Entry {
    /// The entry for a request of `method` on `target`, before it is answered (status 0, no
    /// request id): made outside the server's lock, as it takes routing the path.
    pub fn new(method: &str, target: &str) -> Entry {
        Entry::routed(method, target, Operation::identify(method, target))
    }

    /// [`new`](Self::new), with the API and operation `Operation::identify` gave already.
    pub fn routed(
        method: &str,
        target: &str,
        (api, operation): (Option<Api>, Option<&'static str>),
    ) -> Entry {
        let path = target.split_once('?').map_or(target, |(path, _)| path);
        Entry {
            method: cut(method, MAX_METHOD_LEN),
            path: cut(path, MAX_PATH_LEN),
            api: api.map(api_name),
            operation,
            status: 0,
            request_id: None,
            credential: None,
        }
    }

    /// The entry, naming the operation (one the router does not know: a token endpoint).
    pub fn with_operation(mut self, operation: &'static str) -> Entry {
        self.operation = Some(operation);
        self
    }

    /// The entry, with the credential the request used (cut at 128 bytes).
    pub fn with_credential(mut self, credential: Option<&str>) -> Entry {
        self.credential = credential.map(|c| cut(c, 128));
        self
    }

    /// The entry, answered with `status` and `request_id`.
    pub fn answered(mut self, status: u16, request_id: Option<&str>) -> Entry {
        self.status = status;
        self.request_id = request_id.map(|id| cut(id, 128));
        self
    }

    /// As the control API writes it.
    pub fn to_json(&self) -> Value {
        json!({
            "method": self.method,
            "path": self.path,
            "api": self.api,
            "operation": self.operation,
            "status": self.status,
            "requestId": self.request_id,
            "credential": self.credential,
        })
    }
}

/// `s`, at most `max` bytes of it, cut at a character boundary.
pub(crate) fn cut(s: &str, max: usize) -> String {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_owned()
}

/// The last `capacity` entries, oldest first, and how many older ones were dropped.
#[derive(Clone, Debug, Default)]
pub struct Journal {
    entries: VecDeque<Entry>,
    capacity: usize,
    dropped: u64,
}

impl Journal {
    /// A journal of the last `capacity` requests (0: none kept).
    pub fn new(capacity: usize) -> Journal {
        Journal {
            entries: VecDeque::with_capacity(capacity.min(1024)),
            capacity,
            dropped: 0,
        }
    }

    /// Adds an entry, dropping the oldest if full.
    pub fn push(&mut self, entry: Entry) {
        if self.capacity == 0 {
            self.dropped += 1;
            return;
        }
        if self.entries.len() == self.capacity {
            self.entries.pop_front();
            self.dropped += 1;
        }
        self.entries.push_back(entry);
    }

    /// Empties it.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.dropped = 0;
    }

    /// The entries, oldest first.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter()
    }

    /// As the control API writes it: `{"capacity", "dropped", "requests": […]}`.
    pub fn to_json(&self) -> Value {
        json!({
            "capacity": self.capacity,
            "dropped": self.dropped,
            "requests": self.entries.iter().map(Entry::to_json).collect::<Vec<_>>(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_name_the_operation_and_never_the_query() {
        let entry = Entry::new(
            "DELETE",
            "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/s1?token=secret",
        )
        .answered(404, Some("mock-1"));
        assert_eq!(
            (entry.status, entry.request_id.as_deref()),
            (404, Some("mock-1"))
        );
        assert_eq!(entry.api, Some("lexV2"));
        assert_eq!(entry.operation, Some("DeleteSession"));
        assert!(!entry.path.contains("secret"));
        let other = Entry::new(
            "POST",
            "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/s1/text",
        );
        assert_eq!(other.operation, Some("RecognizeText"));
        let nowhere = Entry::new("GET", "/favicon.ico");
        assert_eq!((nowhere.api, nowhere.operation), (None, None));
        let long = Entry::new(&"M".repeat(100), &format!("/{}", "é".repeat(5000)))
            .answered(414, Some(&"i".repeat(200)));
        assert_eq!(long.request_id.map(|id| id.len()), Some(128));
        assert_eq!(long.method.len(), 32);
        assert!(long.path.len() <= MAX_PATH_LEN);
    }

    #[test]
    fn a_full_journal_drops_the_oldest() {
        let mut journal = Journal::new(2);
        for status in [200, 404, 429] {
            journal.push(Entry::new("GET", "/x").answered(status, None));
        }
        let statuses: Vec<u16> = journal.entries().map(|e| e.status).collect();
        assert_eq!(statuses, [404, 429]);
        assert_eq!(journal.to_json()["dropped"], 1);
        let mut none = Journal::new(0);
        none.push(Entry::new("GET", "/x").answered(200, None));
        none.push(Entry::new("GET", "/x").answered(200, None));
        assert_eq!(none.entries().count(), 0);
        assert_eq!(none.to_json()["dropped"], 2);
    }
}

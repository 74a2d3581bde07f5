//! The control API, under [`CONTROL_PREFIX`](crate::CONTROL_PREFIX): JSON in, JSON out, and a
//! 400 that says what was wrong with any request it cannot follow.
//!
//! | Method and path | Body | Answer |
//! |---|---|---|
//! | `GET /__botsession` | | the routes |
//! | `POST /__botsession/reset` | | `{"reset": true}`: the starting sessions and faults, ids from `mock-1`, the journal empty |
//! | `POST /__botsession/sessions` | a seed document | `{"seeded": {"aily": n, "lex": n, "lexV2": n}}` |
//! | `POST /__botsession/faults` | a fault, or a list of them | `{"queued": n, "pendingCalls": n}` |
//! | `GET /__botsession/faults` | | `{"pendingCalls": n}` |
//! | `DELETE /__botsession/faults` | | `{"cleared": true}` |
//! | `GET /__botsession/journal` | | `{"capacity": n, "dropped": n, "requests": [{method, path, api, operation, status, requestId}]}` |
//! | `DELETE /__botsession/journal` | | `{"cleared": true}` |

use serde_json::{json, Value};

use crate::fault::Fault;
use crate::http1::{Request, Response};
use crate::seed::Seed;
use crate::{wall_clock, Server, CONTROL_PREFIX};

/// The control routes: path after the prefix, and the methods served on it.
const ROUTES: &[(&str, &str)] = &[
    ("", "GET"),
    ("/reset", "POST"),
    ("/sessions", "POST"),
    ("/faults", "DELETE, GET, POST"),
    ("/journal", "DELETE, GET"),
];

/// The most faults one request queues.
const MAX_FAULTS: usize = 1000;

/// The answer to a control request.
pub(crate) fn answer(server: &Server, request: &Request) -> Response {
    let route = request
        .path()
        .strip_prefix(CONTROL_PREFIX)
        .unwrap_or_default();
    let route = route.strip_suffix('/').unwrap_or(route);
    let Some(&(_, allow)) = ROUTES.iter().find(|(path, _)| *path == route) else {
        return error(
            404,
            &format!(
                "no control route {:?}: {}",
                request.path(),
                ROUTES
                    .iter()
                    .map(|(path, methods)| format!("{methods} {CONTROL_PREFIX}{path}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        );
    };
    let method = request.method.as_str();
    let result = match (route, method) {
        ("", "GET") => Ok(json!({
            "routes": ROUTES.iter().map(|(path, methods)| json!({
                "path": format!("{CONTROL_PREFIX}{path}"),
                "methods": methods.split(", ").collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })),
        ("/reset", "POST") => {
            server.reset();
            Ok(json!({"reset": true}))
        }
        ("/sessions", "POST") => Seed::from_json(&request.body)
            .map(|seed| {
                let counts = server.with_mock(|mock| seed.apply(mock, wall_clock()));
                json!({"seeded": {"aily": counts.aily, "lex": counts.lex, "lexV2": counts.lex_v2}})
            })
            .map_err(|e| e.to_string()),
        ("/faults", "POST") => faults(&request.body).map(|faults| {
            let pending = server.with_mock(|mock| {
                for fault in &faults {
                    fault.queue(mock);
                }
                mock.pending_faults()
            });
            json!({"queued": faults.len(), "pendingCalls": pending})
        }),
        ("/faults", "GET") => {
            Ok(json!({"pendingCalls": server.with_mock(|mock| mock.pending_faults())}))
        }
        ("/faults", "DELETE") => {
            server.with_mock(botsession::MockService::clear_faults);
            Ok(json!({"cleared": true}))
        }
        ("/journal", "GET") => Ok(server.journal_json()),
        ("/journal", "DELETE") => {
            server.clear_journal();
            Ok(json!({"cleared": true}))
        }
        _ => {
            let mut response = error(
                405,
                &format!("{method} is not served on {CONTROL_PREFIX}{route} (Allow: {allow})"),
            );
            response.headers.push(("Allow", allow.to_owned()));
            return response;
        }
    };
    match result {
        Ok(value) => json_response(200, &value),
        Err(problem) => error(400, &problem),
    }
}

/// The faults of a `POST …/faults` body: one object, or a list of them (each error names its
/// index).
fn faults(body: &[u8]) -> Result<Vec<Fault>, String> {
    let value: Value = serde_json::from_slice(body).map_err(|e| format!("not JSON: {e}"))?;
    match value {
        Value::Array(list) => {
            if list.len() > MAX_FAULTS {
                return Err(format!("more than {MAX_FAULTS} faults"));
            }
            list.iter()
                .enumerate()
                .map(|(i, fault)| Fault::from_json(fault).map_err(|e| format!("[{i}].{e}")))
                .collect()
        }
        fault => Fault::from_json(&fault).map(|fault| vec![fault]),
    }
}

/// A JSON answer.
fn json_response(status: u16, value: &Value) -> Response {
    Response {
        status,
        headers: vec![("Content-Type", "application/json".to_owned())],
        body: value.to_string().into_bytes(),
    }
}

/// A control error: `{"error": "…"}`.
pub(crate) fn error(status: u16, problem: &str) -> Response {
    json_response(status, &json!({"error": problem}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_holds_at_most_max_faults() {
        let fault = json!({"api": "lexV2", "error": "ThrottlingException"});
        let list = |n: usize| Value::Array(vec![fault.clone(); n]).to_string();
        assert_eq!(
            faults(list(MAX_FAULTS).as_bytes()).map(|f| f.len()),
            Ok(MAX_FAULTS)
        );
        let error = faults(list(MAX_FAULTS + 1).as_bytes()).unwrap_err();
        assert_eq!(error, format!("more than {MAX_FAULTS} faults"));
        assert_eq!(faults(fault.to_string().as_bytes()).map(|f| f.len()), Ok(1));
    }
}

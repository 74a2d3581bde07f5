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
//! | `GET /__botsession/journal` | | `{"capacity": n, "dropped": n, "requests": [{method, path, api, operation, status, requestId, credential}]}` |
//! | `DELETE /__botsession/journal` | | `{"cleared": true}` |
//! | `GET /__botsession/clock` | | the mock's clock: `{"now": ms, "amzDate", "running", "offsetMs"}` |
//! | `POST /__botsession/clock` | `{"set": ms}` (stopped there; `"run": true` as well: running on from there), `{"step": ms}` (back if negative), or `{"run": true}` | the clock, as `GET` gives it |
//!
//! The journal's entries carry `credential`: the app id or access key id a request used, where
//! the server checks credentials. A reset also restarts the clock from the wall clock and
//! forgets the tokens issued and the calls counted.

use serde_json::{json, Value};

use crate::clock::{Clock, OutOfRange};
use crate::fault::Fault;
use crate::http1::{Request, Response};
use crate::seed::Seed;
use crate::{Server, CONTROL_PREFIX};

/// The control routes: path after the prefix, and the methods served on it.
const ROUTES: &[(&str, &str)] = &[
    ("", "GET"),
    ("/reset", "POST"),
    ("/sessions", "POST"),
    ("/faults", "DELETE, GET, POST"),
    ("/journal", "DELETE, GET"),
    ("/clock", "GET, POST"),
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
                let now = server.now();
                let counts = server.with_mock(|mock| seed.apply(mock, now));
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
        ("/clock", "GET") => Ok(server.with_clock(|clock, wall| clock.to_json(wall))),
        ("/clock", "POST") => ClockChange::from_json(&request.body).and_then(|change| {
            server.with_clock(|clock, wall| {
                change.apply(clock, wall).map_err(|e| e.to_string())?;
                Ok(clock.to_json(wall))
            })
        }),
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

/// What a `POST …/clock` asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ClockChange {
    Set { at: i64, run: bool },
    Step(i64),
    Run,
}

impl ClockChange {
    /// Reads `{"set": ms[, "run": true]}`, `{"step": ms}` or `{"run": true}`: integers of
    /// milliseconds, one change at a time, no other key.
    fn from_json(body: &[u8]) -> Result<ClockChange, String> {
        let value: Value = serde_json::from_slice(body).map_err(|e| format!("not JSON: {e}"))?;
        let Value::Object(fields) = value else {
            return Err(r#"expected {"set": ms}, {"step": ms} or {"run": true}"#.to_owned());
        };
        if let Some(key) = fields
            .keys()
            .find(|k| !["set", "step", "run"].contains(&k.as_str()))
        {
            return Err(format!(
                "unknown key {:?}: expected set, step or run",
                crate::journal::cut(key, 64)
            ));
        }
        let ms = |key: &str| -> Result<Option<i64>, String> {
            fields
                .get(key)
                .map(|v| {
                    v.as_i64()
                        .ok_or(format!("{key}: expected an integer of milliseconds"))
                })
                .transpose()
        };
        let run = match fields.get("run") {
            None => None,
            Some(Value::Bool(run)) => Some(*run),
            Some(_) => return Err("run: expected true or false".to_owned()),
        };
        match (ms("set")?, ms("step")?, run) {
            (Some(at), None, run) => Ok(ClockChange::Set {
                at,
                run: run.unwrap_or(false),
            }),
            (None, Some(by), None) => Ok(ClockChange::Step(by)),
            (None, None, Some(true)) => Ok(ClockChange::Run),
            (Some(_), Some(_), _) | (None, Some(_), Some(_)) => {
                Err("one change at a time: set, step or run".to_owned())
            }
            _ => Err(r#"expected {"set": ms}, {"step": ms} or {"run": true}"#.to_owned()),
        }
    }

    fn apply(self, clock: &mut Clock, wall: i64) -> Result<(), OutOfRange> {
        match self {
            ClockChange::Set { at, run } => clock.set(at, run, wall),
            ClockChange::Step(by) => clock.step(by, wall),
            ClockChange::Run => {
                clock.run(wall);
                Ok(())
            }
        }
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

    #[test]
    fn clock_changes_are_read_one_at_a_time() {
        let read = |body: &str| ClockChange::from_json(body.as_bytes());
        assert_eq!(
            read(r#"{"set": 5}"#),
            Ok(ClockChange::Set { at: 5, run: false })
        );
        assert_eq!(
            read(r#"{"set": 5, "run": true}"#),
            Ok(ClockChange::Set { at: 5, run: true })
        );
        assert_eq!(
            read(r#"{"step": -600000}"#),
            Ok(ClockChange::Step(-600_000))
        );
        assert_eq!(read(r#"{"run": true}"#), Ok(ClockChange::Run));
        for (body, says) in [
            (r#"{"set": 1, "step": 2}"#, "one change at a time"),
            (r#"{"step": 1, "run": true}"#, "one change at a time"),
            (r#"{"run": false}"#, "expected {"),
            ("{}", "expected {"),
            ("[1]", "expected {"),
            (r#"{"step": 1.5}"#, "step: expected an integer"),
            (r#"{"set": "now"}"#, "set: expected an integer"),
            (r#"{"run": 1}"#, "run: expected true or false"),
            (r#"{"stepMs": 1}"#, "unknown key \"stepMs\""),
            ("step", "not JSON"),
        ] {
            let error = read(body).unwrap_err();
            assert!(error.contains(says), "{body}: {error}");
        }
        let mut clock = Clock::default();
        ClockChange::Set { at: 9, run: false }
            .apply(&mut clock, 100)
            .unwrap();
        ClockChange::Step(1).apply(&mut clock, 100).unwrap();
        assert_eq!(clock.now(200), 10);
        ClockChange::Run.apply(&mut clock, 100).unwrap();
        assert_eq!(clock.now(200), 110);
        assert!(ClockChange::Step(-111).apply(&mut clock, 200).is_err());
        assert_eq!(clock.now(200), 110);
    }
}

//! Fault scripts: which calls get which service error, in `MockService`'s vocabulary (an API,
//! one of its operations or all of them, an error code, how many calls), from the command line
//! (`--fault lexV2:DeleteSession:ThrottlingException:2`) or from the control API's JSON.

use botsession::{
    AilyErrorKind, AilyServiceError, Api, LexErrorKind, LexServiceError, LexV2ErrorKind,
    LexV2ServiceError, MockFault, MockService,
};
use serde_json::{Map, Value};

/// The most calls one fault answers.
pub const MAX_CALLS: usize = 1_000_000;

/// One scripted fault: its error, the operation it is for (`None`: any of its API's), and how
/// many calls it answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    operation: Option<&'static str>,
    calls: usize,
    error: MockFault,
}

impl Fault {
    /// Queues the fault on `mock`.
    pub fn queue(&self, mock: &mut MockService) {
        let error = self.error.clone();
        match self.operation {
            // Checked against the API's operations when it was read.
            Some(operation) => {
                mock.fail_next_operation(operation, self.calls, error);
            }
            None => match error {
                MockFault::Aily(e) => mock.fail_next_aily(self.calls, e),
                MockFault::Lex(e) => mock.fail_next_lex(self.calls, e),
                MockFault::LexV2(e) => mock.fail_next_lex_v2(self.calls, e),
                _ => {}
            },
        }
    }

    /// How many calls it answers.
    pub fn calls(&self) -> usize {
        self.calls
    }

    /// Reads `API:OPERATION:ERROR[:CALLS]`: `OPERATION` may be `*` (any), `CALLS` defaults to 1.
    ///
    /// # Errors
    ///
    /// What is wrong with which part.
    pub fn from_cli(spec: &str) -> Result<Fault, String> {
        let parts: Vec<&str> = spec.split(':').collect();
        let (api, operation, error, calls) = match parts[..] {
            [api, operation, error] => (api, operation, error, None),
            [api, operation, error, calls] => (api, operation, error, Some(calls)),
            _ => return Err(format!("{spec:?} is not API:OPERATION:ERROR[:CALLS]")),
        };
        let api = api_named(api)?;
        let operation = (operation != "*").then_some(operation);
        let calls = match calls {
            None => 1,
            Some(calls) => calls
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=MAX_CALLS).contains(n))
                .ok_or_else(|| format!("calls {calls:?} is not a number from 1 to {MAX_CALLS}"))?,
        };
        Fault::new(api, operation, error, calls, &Map::new())
    }

    /// Reads `{"api", "operation"?, "error", "calls"?, "status"?, "message"?,
    /// "retryAfterSeconds"?}`.
    ///
    /// # Errors
    ///
    /// Which member is wrong, and how.
    pub fn from_json(value: &Value) -> Result<Fault, String> {
        let object = value.as_object().ok_or("a fault is a JSON object")?;
        for key in object.keys() {
            if !FIELDS.contains(&key.as_str()) {
                return Err(format!(
                    "unknown member {key:?} (known: {})",
                    FIELDS.join(", ")
                ));
            }
        }
        let text = |key: &str| match object.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => Err(format!("{key}: not a string")),
        };
        let api = api_named(text("api")?.ok_or("api: missing (aily, lex or lexV2)")?)
            .map_err(|e| format!("api: {e}"))?;
        let operation = text("operation")?.filter(|&op| op != "*");
        let error = match object.get("error") {
            Some(Value::String(code)) => code.clone(),
            Some(Value::Number(code)) => code.to_string(),
            _ => return Err("error: missing, or not a string or number".into()),
        };
        let calls = match object.get("calls") {
            None | Some(Value::Null) => 1,
            Some(calls) => calls
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .filter(|n| (1..=MAX_CALLS).contains(n))
                .ok_or_else(|| format!("calls: not a number from 1 to {MAX_CALLS}"))?,
        };
        Fault::new(api, operation, &error, calls, object)
    }

    fn new(
        api: Api,
        operation: Option<&str>,
        code: &str,
        calls: usize,
        extra: &Map<String, Value>,
    ) -> Result<Fault, String> {
        let operation = match operation {
            None => None,
            Some(name) => Some(api.operations().find(|&op| op == name).ok_or_else(|| {
                let known: Vec<&str> = api.operations().collect();
                format!(
                    "operation: {name:?} is not an operation of {} (one of {}, or *)",
                    api_name(api),
                    known.join(", ")
                )
            })?),
        };
        if code.is_empty() || code.len() > 64 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(format!(
                "error: {code:?} is not an error code (letters and digits, at most 64)"
            ));
        }
        let status = match extra.get("status") {
            None | Some(Value::Null) => None,
            Some(status) => Some(
                status
                    .as_u64()
                    .and_then(|s| u16::try_from(s).ok())
                    .filter(|s| (400..=599).contains(s))
                    .ok_or("status: not an error status from 400 to 599")?,
            ),
        };
        let message = match extra.get("message") {
            None | Some(Value::Null) => None,
            Some(Value::String(m)) if m.len() <= 1024 => Some(m.clone()),
            Some(_) => return Err("message: not a string of at most 1024 bytes".into()),
        };
        let retry_after = match extra.get("retryAfterSeconds") {
            None | Some(Value::Null) => None,
            Some(secs) => Some(
                secs.as_u64()
                    .filter(|&s| s <= 3600)
                    .ok_or("retryAfterSeconds: not a number from 0 to 3600")?,
            ),
        };
        let error = match api {
            Api::Aily => {
                let code: i64 = code.parse().map_err(|_| {
                    format!("error: Aily codes are numbers, e.g. 99991400, not {code:?}")
                })?;
                let mut error = AilyServiceError::new(AilyErrorKind::from_code(code));
                if let Some(status) = status {
                    error = error.with_http_status(status);
                }
                if let Some(message) = message {
                    error = error.with_message(message);
                }
                if retry_after.is_some() {
                    error = error.with_rate_limit(None, retry_after);
                }
                MockFault::from(error)
            }
            // AWS sends every error with a message: the kind's description, unless given one.
            Api::Lex => {
                let kind = LexErrorKind::from_code(code);
                let message = message.unwrap_or_else(|| kind.description().to_owned());
                let mut error = LexServiceError::new(kind).with_message(message);
                if let Some(status) = status {
                    error = error.with_http_status(status);
                }
                MockFault::from(error.with_retry_after_secs(retry_after))
            }
            _ => {
                let kind = LexV2ErrorKind::from_code(code);
                let message = message.unwrap_or_else(|| kind.description().to_owned());
                let mut error = LexV2ServiceError::new(kind).with_message(message);
                if let Some(status) = status {
                    error = error.with_http_status(status);
                }
                MockFault::from(error.with_retry_after_secs(retry_after))
            }
        };
        Ok(Fault {
            operation,
            calls,
            error,
        })
    }
}

/// The members of a fault's JSON.
const FIELDS: &[&str] = &[
    "api",
    "operation",
    "error",
    "calls",
    "status",
    "message",
    "retryAfterSeconds",
];

/// The API of a name: `aily`, `lex`, `lexV2`.
pub fn api_named(name: &str) -> Result<Api, String> {
    match name {
        "aily" => Ok(Api::Aily),
        "lex" => Ok(Api::Lex),
        "lexV2" => Ok(Api::LexV2),
        _ => Err(format!("{name:?} is not an API (aily, lex or lexV2)")),
    }
}

/// The name of an API, as the seed file, the faults and the journal write it.
pub fn api_name(api: Api) -> &'static str {
    match api {
        Api::Aily => "aily",
        Api::Lex => "lex",
        _ => "lexV2",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cli_specs_read_as_json_ones_do() {
        let cli = Fault::from_cli("lexV2:PutSession:ThrottlingException:3").unwrap();
        let json = Fault::from_json(&json!({
            "api": "lexV2", "operation": "PutSession", "error": "ThrottlingException", "calls": 3
        }))
        .unwrap();
        assert_eq!(cli, json);
        assert_eq!(cli.calls(), 3);
        let any = Fault::from_cli("aily:*:99991400").unwrap();
        assert_eq!(any.operation, None);
        assert_eq!(any.calls(), 1);
    }

    #[test]
    fn bad_specs_say_which_part() {
        for (spec, says) in [
            ("lexV2:PutSession", "API:OPERATION:ERROR"),
            ("lexv3:*:X", "not an API"),
            (
                "lexV2:RecognizeText:X",
                "one of GetSession, PutSession, DeleteSession",
            ),
            ("aily:*:Throttling", "Aily codes are numbers"),
            ("lex:*:Bad-Code", "not an error code"),
            ("lex:*:X:0", "calls \"0\""),
            ("lex:*:X:many", "calls \"many\""),
        ] {
            let error = Fault::from_cli(spec).unwrap_err();
            assert!(error.contains(says), "{spec}: {error}");
        }
        for (json, says) in [
            (json!([]), "a JSON object"),
            (
                json!({"api": "lex", "error": "X", "colour": 1}),
                "unknown member \"colour\"",
            ),
            (json!({"error": "X"}), "api: missing"),
            (json!({"api": "lex"}), "error: missing"),
            (
                json!({"api": "lex", "error": "X", "status": 200}),
                "status:",
            ),
            (json!({"api": "lex", "error": "X", "calls": -1}), "calls:"),
            (
                json!({"api": "lex", "error": "X", "retryAfterSeconds": 4000}),
                "retryAfterSeconds:",
            ),
        ] {
            let error = Fault::from_json(&json).unwrap_err();
            assert!(error.contains(says), "{json}: {error}");
        }
    }

    #[test]
    fn lex_faults_carry_a_message_as_aws_errors_do() {
        let Fault { error, .. } = Fault::from_cli("lexV2:*:ThrottlingException").unwrap();
        let MockFault::LexV2(error) = error else {
            panic!("{error:?}")
        };
        assert_eq!(error.message(), Some("the request was throttled"));
        let given = Fault::from_json(
            &json!({"api": "lex", "error": "ConflictException", "message": "busy"}),
        );
        let MockFault::Lex(error) = given.unwrap().error else {
            panic!()
        };
        assert_eq!((error.message(), error.http_status()), (Some("busy"), 409));
        let status = Fault::from_json(
            &json!({"api": "aily", "error": 99991400, "status": 400, "retryAfterSeconds": 3}),
        );
        let MockFault::Aily(error) = status.unwrap().error else {
            panic!()
        };
        assert_eq!(
            (error.http_status(), error.retry_after()),
            (400, Some(std::time::Duration::from_secs(3)))
        );
    }

    #[test]
    fn a_fault_for_any_operation_answers_every_call_of_its_api() {
        let mut mock = MockService::new();
        for spec in [
            "aily:*:99991400",
            "lex:*:ConflictException",
            "lexV2:*:ConflictException",
        ] {
            Fault::from_cli(spec).unwrap().queue(&mut mock);
        }
        assert_eq!(mock.pending_faults(), 3);
        let auth = [("Authorization", "Bearer t-g1044qeGEDXTB6NDJOGV4JQX")];
        let aily = mock.handle("GET", "/open-apis/aily/v1/sessions/session_1", &auth, b"");
        assert_eq!(aily.status(), 429);
        let lex = mock.handle(
            "DELETE",
            "/bot/OrderFlowers/alias/prod/user/u-1/session",
            &auth,
            b"",
        );
        assert_eq!(lex.status(), 409);
        let v2 = "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/s1";
        assert_eq!(mock.handle("GET", v2, &auth, b"").status(), 409);
        assert_eq!(mock.pending_faults(), 0);
    }

    #[test]
    fn api_names_read_back() {
        for api in [Api::Aily, Api::Lex, Api::LexV2] {
            assert_eq!(api_named(api_name(api)), Ok(api));
        }
    }

    #[test]
    fn a_queued_fault_answers_its_operation_only() {
        let mut mock = MockService::new();
        Fault::from_cli("lexV2:GetSession:InternalServerException:1")
            .unwrap()
            .queue(&mut mock);
        let path = "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/s1";
        assert_eq!(
            mock.handle("DELETE", path, &[("a", "b")], b"").status(),
            404
        );
        assert_eq!(mock.handle("GET", path, &[("a", "b")], b"").status(), 500);
        assert_eq!(mock.handle("GET", path, &[("a", "b")], b"").status(), 404);
    }
}

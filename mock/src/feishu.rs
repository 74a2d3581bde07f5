//! Feishu's access tokens, as the mock issues and checks them (`--aily-app ID:SECRET`): the two
//! internal-app token endpoints, and the table of tokens issued, each expiring on the mock's
//! clock.
//!
//! The endpoints (Feishu docs, "自建应用获取 tenant_access_token" and "… app_access_token"):
//! `POST /open-apis/auth/v3/tenant_access_token/internal` and `…/app_access_token/internal`,
//! body `{"app_id": "…", "app_secret": "…"}` (lark-oapi sends it without a `Content-Type`, so
//! none is required). Their answers are HTTP 200 whatever the outcome, with the fields at the top
//! level (no `data`):
//! - the right id and secret: `{"code":0,"msg":"ok","tenant_access_token":"t-…","expire":7200}`
//!   (the app endpoint adds `app_access_token`, the same token for an internal app). A token is
//!   valid for 2 hours; asked again while it has 30 minutes or more left, the endpoint gives the
//!   same token and the seconds it has left, and after that a new one, the old one staying valid
//!   to its end;
//! - a wrong secret: `{"code":10014,"msg":"app secret invalid"}` (observed from
//!   open.feishu.cn; the generic error-code table lists 10014 as "app unauthorized" and 10015
//!   as a wrong secret, but the service answers 10014);
//! - an unknown app id: `{"code":10003,"data":{},"msg":"invalid param"}` (observed), and the
//!   same for a body that is not a JSON object with both strings (not observed: the nearest
//!   documented code).

use std::collections::HashMap;

use serde_json::{json, Value};

/// The tenant token endpoint's path.
pub const TENANT_TOKEN_PATH: &str = "/open-apis/auth/v3/tenant_access_token/internal";

/// The app token endpoint's path.
pub const APP_TOKEN_PATH: &str = "/open-apis/auth/v3/app_access_token/internal";

/// How long a token is valid: 2 hours, in seconds.
pub const TOKEN_LIFETIME_SECS: i64 = 7200;

/// A token with less than this left (30 minutes, in seconds) is replaced by a new one when the
/// app asks again.
pub const RENEW_WITHIN_SECS: i64 = 1800;

/// The code for a wrong secret.
pub const WRONG_SECRET: i64 = 10014;

/// The code for an unknown app or an unreadable body.
pub const INVALID_PARAM: i64 = 10003;

/// A Feishu app the mock issues tokens to: its id, and its secret, which never leaves this
/// value (its `Debug` shows the id only).
#[derive(Clone, PartialEq, Eq)]
pub struct AilyApp {
    id: String,
    secret: String,
}

impl std::fmt::Debug for AilyApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AilyApp")
            .field("id", &self.id)
            .field("secret", &"<redacted>")
            .finish()
    }
}

impl AilyApp {
    /// An app of `id` and `secret`.
    pub fn new(id: impl Into<String>, secret: impl Into<String>) -> AilyApp {
        AilyApp {
            id: id.into(),
            secret: secret.into(),
        }
    }

    /// Reads `ID:SECRET` (the `--aily-app` flag): the id 1 to 64 of `[A-Za-z0-9_-]` (Feishu's
    /// are `cli_` and 16 hex digits), the secret anything non-empty after the first `:`.
    ///
    /// # Errors
    ///
    /// What is wrong, never quoting the secret.
    pub fn from_cli(spec: &str) -> Result<AilyApp, String> {
        let (id, secret) = spec.split_once(':').ok_or("expected APP_ID:APP_SECRET")?;
        let id_ok = (1..=64).contains(&id.len())
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !id_ok {
            return Err(format!(
                "the app id {:?} is not 1 to 64 of [A-Za-z0-9_-]",
                crate::journal::cut(id, 64)
            ));
        }
        if secret.is_empty() {
            return Err("the app secret is empty".to_owned());
        }
        Ok(AilyApp::new(id, secret))
    }

    /// The app id.
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// Which endpoint was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenEndpoint {
    /// `tenant_access_token/internal`.
    Tenant,
    /// `app_access_token/internal`.
    App,
}

impl TokenEndpoint {
    /// The endpoint whose path `path` is.
    pub fn of_path(path: &str) -> Option<TokenEndpoint> {
        match path {
            TENANT_TOKEN_PATH => Some(TokenEndpoint::Tenant),
            APP_TOKEN_PATH => Some(TokenEndpoint::App),
            _ => None,
        }
    }
}

/// The answer of a token endpoint: its body, and the app it was for, if the id and secret
/// were right.
#[derive(Clone, Debug, PartialEq)]
pub struct TokenAnswer {
    /// The JSON body.
    pub body: Value,
    /// The app's id, when a token was issued.
    pub app: Option<String>,
}

/// The tokens issued, by token, each with its app and its expiry (ms on the mock's clock).
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    issued: HashMap<String, Issued>,
    minted: u64,
}

#[derive(Clone, Debug)]
struct Issued {
    /// The app's index in the server's list.
    app: usize,
    /// The first instant it is no longer valid.
    expires_at: i64,
}

impl Tokens {
    /// Answers a token request's `body` at `now` (ms) from `apps`.
    pub fn answer(
        &mut self,
        endpoint: TokenEndpoint,
        body: &[u8],
        apps: &[AilyApp],
        now: i64,
    ) -> TokenAnswer {
        let Some((id, secret)) = read_body(body) else {
            return error(INVALID_PARAM, "invalid param");
        };
        let Some((index, app)) = apps.iter().enumerate().find(|(_, app)| app.id == id) else {
            return error(INVALID_PARAM, "invalid param");
        };
        if app.secret != secret {
            return TokenAnswer {
                body: json!({"code": WRONG_SECRET, "msg": "app secret invalid"}),
                app: None,
            };
        }
        let (token, expire) = self.issue(index, &app.id, now);
        let body = match endpoint {
            TokenEndpoint::Tenant => {
                json!({"code": 0, "msg": "ok", "tenant_access_token": token, "expire": expire})
            }
            TokenEndpoint::App => json!({
                "app_access_token": token,
                "code": 0,
                "expire": expire,
                "msg": "ok",
                "tenant_access_token": token,
            }),
        };
        TokenAnswer {
            body,
            app: Some(app.id.clone()),
        }
    }

    /// The app's token at `now`: the newest one still issued if it has 30 minutes or more
    /// left, else a new one; with the seconds it has left. Tokens expired by `now` are dropped.
    fn issue(&mut self, app: usize, app_id: &str, now: i64) -> (String, i64) {
        self.issued.retain(|_, issued| issued.expires_at > now);
        let newest = self
            .issued
            .iter()
            .filter(|(_, issued)| issued.app == app)
            .max_by_key(|(_, issued)| issued.expires_at);
        if let Some((token, issued)) = newest {
            let left = (issued.expires_at - now) / 1000;
            if left >= RENEW_WITHIN_SECS {
                return (token.clone(), left);
            }
        }
        self.minted += 1;
        let token = format!("t-mock{:04x}{:016x}", self.minted, fnv1a(app_id.as_bytes()));
        self.issued.insert(
            token.clone(),
            Issued {
                app,
                expires_at: now.saturating_add(TOKEN_LIFETIME_SECS * 1000),
            },
        );
        (token, TOKEN_LIFETIME_SECS)
    }

    /// The index of the app `token` was issued to, if it was and has not expired at `now`.
    pub fn check(&self, token: &str, now: i64) -> Option<usize> {
        self.issued
            .get(token)
            .filter(|issued| now < issued.expires_at)
            .map(|issued| issued.app)
    }

    /// How many tokens are held (expired ones are dropped at the next issue).
    pub fn len(&self) -> usize {
        self.issued.len()
    }

    /// Whether none is held.
    pub fn is_empty(&self) -> bool {
        self.issued.is_empty()
    }
}

/// The `app_id` and `app_secret` of a token request body, if it is a JSON object with both as
/// non-empty strings.
fn read_body(body: &[u8]) -> Option<(String, String)> {
    let value: Value = serde_json::from_slice(body).ok()?;
    let field = |name: &str| {
        value
            .get(name)?
            .as_str()
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    Some((field("app_id")?, field("app_secret")?))
}

fn error(code: i64, msg: &str) -> TokenAnswer {
    TokenAnswer {
        body: json!({"code": code, "data": {}, "msg": msg}),
        app: None,
    }
}

/// 64-bit FNV-1a: a token's app part, and a rate-limit key for a token the mock did not issue.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_764_720_000_000;

    fn apps() -> Vec<AilyApp> {
        vec![
            AilyApp::new("cli_a", "secret-a"),
            AilyApp::new("cli_b", "secret-b"),
        ]
    }

    fn ask(tokens: &mut Tokens, body: &str, now: i64) -> TokenAnswer {
        tokens.answer(TokenEndpoint::Tenant, body.as_bytes(), &apps(), now)
    }

    const A: &str = r#"{"app_id": "cli_a", "app_secret": "secret-a"}"#;

    #[test]
    fn issues_a_token_and_gives_it_again_until_its_last_half_hour() {
        let mut tokens = Tokens::default();
        let first = ask(&mut tokens, A, NOW);
        assert_eq!(first.app.as_deref(), Some("cli_a"));
        assert_eq!(
            (first.body["code"].clone(), first.body["msg"].clone()),
            (json!(0), json!("ok"))
        );
        assert_eq!(first.body["expire"], 7200);
        let token = first.body["tenant_access_token"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(token.starts_with("t-"));
        assert_eq!(tokens.check(&token, NOW), Some(0));

        // 90 minutes on: 30 minutes left, the same token.
        let later = NOW + 5400 * 1000;
        let again = ask(&mut tokens, A, later);
        assert_eq!(again.body["tenant_access_token"], token.as_str());
        assert_eq!(again.body["expire"], 1800);
        // A second more: a new one, and the old one still valid to its end.
        let renewed = ask(&mut tokens, A, later + 1000);
        let new = renewed.body["tenant_access_token"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_ne!(new, token);
        assert_eq!(renewed.body["expire"], 7200);
        assert_eq!(tokens.check(&token, NOW + 7200 * 1000 - 1), Some(0));
        assert_eq!(tokens.check(&token, NOW + 7200 * 1000), None);
        assert_eq!(tokens.check(&new, NOW + 7200 * 1000), Some(0));
        // Another app's token is its own.
        let b = ask(
            &mut tokens,
            r#"{"app_id":"cli_b","app_secret":"secret-b"}"#,
            NOW,
        );
        let b = b.body["tenant_access_token"].as_str().unwrap().to_owned();
        assert_eq!(tokens.check(&b, NOW), Some(1));
        assert_eq!(tokens.len(), 3);
        // An issue once the first token and app b's have expired drops both, and gives the
        // newer token again.
        let dropped = ask(&mut tokens, A, NOW + 7200 * 1000);
        assert_eq!(dropped.body["tenant_access_token"], new.as_str());
        assert_eq!(tokens.check(&token, NOW), None);
        assert_eq!(tokens.check(&b, NOW), None);
        assert_eq!(tokens.len(), 1);
        assert!(!tokens.is_empty());
    }

    #[test]
    fn the_app_endpoint_gives_both_tokens() {
        let mut tokens = Tokens::default();
        let answer = tokens.answer(TokenEndpoint::App, A.as_bytes(), &apps(), NOW);
        assert_eq!(
            answer.body["app_access_token"],
            answer.body["tenant_access_token"]
        );
        assert_eq!(answer.body["expire"], 7200);
        assert_eq!(
            TokenEndpoint::of_path(APP_TOKEN_PATH),
            Some(TokenEndpoint::App)
        );
        assert_eq!(
            TokenEndpoint::of_path(TENANT_TOKEN_PATH),
            Some(TokenEndpoint::Tenant)
        );
        assert_eq!(TokenEndpoint::of_path("/open-apis/auth/v3/x"), None);
    }

    #[test]
    fn a_clock_stepped_back_keeps_every_token_to_its_own_end() {
        let mut tokens = Tokens::default();
        let token = ask(&mut tokens, A, NOW).body["tenant_access_token"].clone();
        let token = token.as_str().unwrap();
        // An hour back: the token has 3 hours left on this clock, and is given again.
        let back = NOW - 3600 * 1000;
        let again = ask(&mut tokens, A, back);
        assert_eq!(again.body["tenant_access_token"], token);
        assert_eq!(again.body["expire"], 10800);
        assert_eq!(tokens.check(token, back), Some(0));
    }

    #[test]
    fn refuses_a_wrong_secret_an_unknown_app_and_an_unreadable_body() {
        let mut tokens = Tokens::default();
        let wrong = ask(
            &mut tokens,
            r#"{"app_id":"cli_a","app_secret":"secret-b"}"#,
            NOW,
        );
        assert_eq!(
            wrong.body,
            json!({"code": 10014, "msg": "app secret invalid"})
        );
        assert_eq!(wrong.app, None);
        let invalid = json!({"code": 10003, "data": {}, "msg": "invalid param"});
        for body in [
            r#"{"app_id":"cli_c","app_secret":"secret-a"}"#,
            r#"{"app_id":"cli_a"}"#,
            r#"{"app_id":"cli_a","app_secret":""}"#,
            r#"{"app_id":7,"app_secret":"secret-a"}"#,
            r#"["cli_a","secret-a"]"#,
            "app_id=cli_a&app_secret=secret-a",
            "",
            "{",
        ] {
            assert_eq!(ask(&mut tokens, body, NOW).body, invalid, "{body}");
        }
        assert!(tokens.is_empty());
    }

    #[test]
    fn fnv1a_is_the_published_hash() {
        // The FNV reference vectors (draft-eastlake-fnv, FNV-1a 64-bit).
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn reads_the_flag_and_never_shows_the_secret() {
        let app = AilyApp::from_cli("cli_a1b2:s3cr:et").unwrap();
        assert_eq!(app, AilyApp::new("cli_a1b2", "s3cr:et"));
        assert_eq!(app.id(), "cli_a1b2");
        assert_eq!(
            format!("{app:?}"),
            r#"AilyApp { id: "cli_a1b2", secret: "<redacted>" }"#
        );
        for (spec, error) in [
            ("cli_a", "expected APP_ID:APP_SECRET"),
            ("cli_a:", "the app id"),
            (":secret", "the app id \"\""),
            ("cli a:secret", "the app id \"cli a\""),
        ] {
            let got = AilyApp::from_cli(spec).unwrap_err();
            let want = if spec == "cli_a:" {
                "the app secret is empty"
            } else {
                error
            };
            assert!(got.starts_with(want), "{spec}: {got}");
        }
        assert!(AilyApp::from_cli(&format!("{}:s", "a".repeat(65))).is_err());
        assert!(AilyApp::from_cli(&format!("{}:s", "a".repeat(64))).is_ok());
    }
}

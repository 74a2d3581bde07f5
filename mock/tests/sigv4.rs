//! The SigV4 check against the AWS signing test suite (`tests/sigv4/`, the header-auth cases
//! of aws-c-auth's suite and smithy-rs's double-encoding case) and against requests botocore
//! signed (`tests/sigv4/botocore/`): each canonical request, string to sign and signature
//! computed equal to the suite's, and each signed request verified at its signing time, then
//! refused with one byte of it changed.

use std::fs;
use std::path::{Path, PathBuf};

use botsession_mock::sigv4::{
    canonical_request, parse_amz_date, signature, string_to_sign, verify, AwsKey, SigV4Error,
    SignedRequest,
};
use serde_json::Value;

const SUITE_KEY: &str = "AKIDEXAMPLE";
const SUITE_SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sigv4")
}

/// A request as the suite writes it: the request line, header lines (a line starting with
/// whitespace continues the one before: joined with a space), a blank line, the body.
struct Parsed {
    method: String,
    target: String,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
}

fn parse(text: &str) -> Parsed {
    let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
    let mut lines = head.lines();
    let line = lines.next().expect("a request line");
    // smithy-rs's case has no version on its request line.
    let line = line.strip_suffix(" HTTP/1.1").unwrap_or(line);
    let (method, target) = line.split_once(' ').expect("method and target");
    let mut headers: Vec<(String, Vec<u8>)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            let last = headers.last_mut().expect("a header to continue");
            last.1.push(b' ');
            last.1.extend_from_slice(line.trim().as_bytes());
            continue;
        }
        let (name, value) = line.split_once(':').expect("name:value");
        // As an HTTP parser gives it: without the whitespace around it.
        headers.push((name.to_owned(), value.trim().as_bytes().to_vec()));
    }
    Parsed {
        method: method.to_owned(),
        target: target.to_owned(),
        headers,
        body: body.as_bytes().to_vec(),
    }
}

impl Parsed {
    fn pairs(&self) -> Vec<(&str, &[u8])> {
        self.headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_slice()))
            .collect()
    }

    fn header(&self, name: &str) -> &str {
        let (_, value) = self
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .unwrap_or_else(|| panic!("no {name}"));
        std::str::from_utf8(value).expect("UTF-8").trim()
    }

    /// The signed header names, scope and signature of its `Authorization`.
    fn authorization(&self) -> (Vec<String>, String, String) {
        let value = self.header("Authorization");
        let part = |key: &str| {
            value
                .split([' ', ','])
                .find_map(|p| p.strip_prefix(key))
                .unwrap_or_else(|| panic!("no {key} in {value}"))
                .to_owned()
        };
        let credential = part("Credential=");
        let (_, scope) = credential.split_once('/').expect("a scope");
        let signed = part("SignedHeaders=")
            .split(';')
            .map(str::to_owned)
            .collect();
        (signed, scope.to_owned(), part("Signature="))
    }
}

fn read(dir: &Path, file: &str) -> String {
    fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

#[test]
fn the_aws_signing_suite_cases_compute_and_verify() {
    let mut cases: Vec<PathBuf> = fs::read_dir(suite_dir())
        .expect("the suite")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.join("header-canonical-request.txt").is_file())
        .collect();
    cases.sort();
    assert_eq!(cases.len(), 39, "the cases kept");
    let key = AwsKey::new(SUITE_KEY, SUITE_SECRET);
    for dir in &cases {
        let name = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let context: Value = fs::read_to_string(dir.join("context.json"))
            .map(|json| serde_json::from_str(&json).expect("context JSON"))
            .unwrap_or(Value::Null);
        // The double-url-encode case has no context: normalized, service lambda.
        let normalize = context["normalize"].as_bool().unwrap_or(true);
        let request = parse(&read(dir, "header-signed-request.txt"));
        let pairs = request.pairs();
        let signed = SignedRequest {
            method: &request.method,
            target: &request.target,
            headers: &pairs,
            body: &request.body,
        };
        let (names, scope, sent_signature) = request.authorization();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();

        let creq = canonical_request(&signed, &names, normalize);
        let want = read(dir, "header-canonical-request.txt");
        assert_eq!(
            String::from_utf8_lossy(&creq),
            want,
            "{name}: canonical request"
        );

        let amz_date = request.header("X-Amz-Date");
        let sts = string_to_sign(amz_date, &scope, &creq);
        // smithy-rs's file ends with a newline; aws-c-auth's do not.
        let want = read(dir, "header-string-to-sign.txt");
        assert_eq!(sts, want.trim_end_matches('\n'), "{name}: string to sign");

        let parts: Vec<&str> = scope.split('/').collect();
        let (date, region, service) = (parts[0], parts[1], parts[2]);
        let computed = signature(SUITE_SECRET, date, region, service, &sts);
        assert_eq!(computed, sent_signature, "{name}: signature");
        if let Ok(want) = fs::read_to_string(dir.join("header-signature.txt")) {
            assert_eq!(computed, want.trim(), "{name}: the suite's signature");
        }

        // The server normalizes, as AWS does for every service but S3: an unnormalized case
        // verifies only where normalizing changes nothing.
        let now = parse_amz_date(amz_date).expect("the suite's time");
        let verified = verify(&signed, std::slice::from_ref(&key), now, service);
        let normal = canonical_request(&signed, &names, true) == creq;
        match verified {
            Ok(_) => assert!(normal, "{name}: verified unnormalized"),
            Err(e) => {
                assert!(!normal, "{name}: {e}");
                assert_eq!(e, SigV4Error::Mismatch, "{name}");
            }
        }
        if !normal {
            continue;
        }
        // One byte of the signature changed: refused.
        let mut tampered = request.headers.clone();
        let auth = tampered
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case("authorization"))
            .expect("Authorization");
        let last = auth.1.len() - 1;
        auth.1[last] = if auth.1[last] == b'0' { b'1' } else { b'0' };
        let tampered: Vec<(&str, &[u8])> = tampered
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_slice()))
            .collect();
        let refused = SignedRequest {
            headers: &tampered,
            ..signed
        };
        assert_eq!(
            verify(&refused, std::slice::from_ref(&key), now, service),
            Err(SigV4Error::Mismatch),
            "{name}: tampered"
        );
    }
}

#[test]
fn requests_botocore_signed_verify_at_their_time_and_no_other() {
    let dir = suite_dir().join("botocore");
    let mut fixtures: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("the botocore fixtures")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 4, "{fixtures:?}");
    for path in &fixtures {
        let fixture: Value =
            serde_json::from_str(&fs::read_to_string(path).expect("a fixture")).expect("JSON");
        let name = path.display();
        let text = |key: &str| {
            fixture[key]
                .as_str()
                .unwrap_or_else(|| panic!("{name}: {key}"))
        };
        let headers: Vec<(String, Vec<u8>)> = fixture["headers"]
            .as_array()
            .expect("headers")
            .iter()
            .map(|pair| {
                let name = pair[0].as_str().expect("a name").to_owned();
                (name, pair[1].as_str().expect("a value").as_bytes().to_vec())
            })
            .collect();
        let pairs: Vec<(&str, &[u8])> = headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_slice()))
            .collect();
        let request = SignedRequest {
            method: text("method"),
            target: text("target"),
            headers: &pairs,
            body: text("body").as_bytes(),
        };
        let key = AwsKey::new(text("access_key_id"), text("secret_access_key"));
        let keys = std::slice::from_ref(&key);
        let at = fixture["signed_at_ms"].as_i64().expect("signed_at_ms");
        assert_eq!(verify(&request, keys, at, "lex"), Ok(&key), "{name}");
        // The path as sent holds `%3A`: botocore encoded the label's `:` and signed it twice.
        assert!(request.target.contains("%3A"), "{name}");
        assert!(
            verify(&request, keys, at + 5 * 60 * 1000, "lex").is_ok(),
            "{name}"
        );
        let late = verify(&request, keys, at + 5 * 60 * 1000 + 1, "lex").unwrap_err();
        assert!(
            late.message().starts_with("Signature expired: "),
            "{name}: {late}"
        );
        let early = verify(&request, keys, at - 5 * 60 * 1000 - 1, "lex").unwrap_err();
        assert!(
            early.message().starts_with("Signature not yet current: "),
            "{name}"
        );
        let other = AwsKey::new(text("access_key_id"), "another secret");
        assert_eq!(
            verify(&request, std::slice::from_ref(&other), at, "lex"),
            Err(SigV4Error::Mismatch),
            "{name}"
        );
        // The path signed once only (the mistake the SDKs comment on) is another request.
        let single = request.target.replace("%3A", ":");
        let once = SignedRequest {
            target: &single,
            ..request
        };
        assert_eq!(
            verify(&once, keys, at, "lex"),
            Err(SigV4Error::Mismatch),
            "{name}"
        );
    }
}

mod properties {
    use botsession_mock::sigv4::{
        format_amz_date, sign, verify, Authorization, AwsKey, SignedRequest,
    };
    use proptest::prelude::*;

    /// A path of 1 to 6 segments of any printable ASCII but `/`, `?` and `#`, some
    /// percent-encoded as a client sends them.
    fn path() -> impl Strategy<Value = String> {
        proptest::collection::vec("[!-.0->@-~]{1,12}", 1..6).prop_map(|segments| {
            let mut path = String::new();
            for segment in segments {
                path.push('/');
                for b in segment.bytes() {
                    if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                        path.push(char::from(b));
                    } else {
                        path.push_str(&format!("%{b:02X}"));
                    }
                }
            }
            path
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// What `sign` writes, `verify` accepts at any time in the window; one byte of the
        /// body, the path or the secret changed, and it refuses.
        #[test]
        fn signed_requests_verify_and_changed_ones_do_not(
            path in path(),
            body in proptest::collection::vec(any::<u8>(), 0..64),
            header in "[ -~]{0,40}",
            secret in "[!-~]{1,40}",
            now in 0_i64..253_402_300_799_999,
            skew in -300_000_i64..=300_000,
            flip in any::<prop::sample::Index>(),
        ) {
            let key = AwsKey::new("AKIAPROPTEST0000001", secret.clone());
            let amz_date = format_amz_date(now);
            let signed_at = botsession_mock::sigv4::parse_amz_date(&amz_date).unwrap();
            let mut headers: Vec<(&str, Vec<u8>)> = vec![
                ("Host", b"127.0.0.1:8080".to_vec()),
                ("X-Amz-Date", amz_date.clone().into_bytes()),
                ("X-Extra", header.clone().into_bytes()),
            ];
            let names = ["host", "x-amz-date", "x-extra"];
            let authorization = {
                let view: Vec<(&str, &[u8])> = headers.iter().map(|(n, v)| (*n, v.as_slice())).collect();
                let request = SignedRequest { method: "POST", target: &path, headers: &view, body: &body };
                sign(&request, &key, &amz_date, "us-east-1", "lex", &names)
            };
            prop_assert!(Authorization::parse(&authorization).is_ok());
            headers.push(("Authorization", authorization.into_bytes()));
            let view: Vec<(&str, &[u8])> = headers.iter().map(|(n, v)| (*n, v.as_slice())).collect();
            let request = SignedRequest { method: "POST", target: &path, headers: &view, body: &body };
            let keys = std::slice::from_ref(&key);
            let at = (signed_at + skew).clamp(0, 253_402_300_799_999);
            prop_assert_eq!(verify(&request, keys, at, "lex"), Ok(&key));

            let other = AwsKey::new("AKIAPROPTEST0000001", format!("{secret}x"));
            prop_assert!(verify(&request, std::slice::from_ref(&other), at, "lex").is_err());
            if !body.is_empty() {
                let mut changed = body.clone();
                let i = flip.index(changed.len());
                changed[i] ^= 1;
                let request = SignedRequest { body: &changed, ..request };
                prop_assert!(verify(&request, keys, at, "lex").is_err());
            }
            let longer = format!("{path}x");
            let request = SignedRequest { target: &longer, ..request };
            prop_assert!(verify(&request, keys, at, "lex").is_err());
        }

        /// Any `Authorization` value and any request: an answer, never a panic, and a refusal
        /// never quotes the header.
        #[test]
        fn any_authorization_is_answered(value in "[ -~]{0,300}", target in "/[ -~]{0,60}") {
            let key = AwsKey::new("AKIAPROPTEST0000001", "secret");
            let headers = [("Authorization", value.as_bytes()), ("X-Amz-Date", &b"20261203T000000Z"[..])];
            let request = SignedRequest { method: "GET", target: &target, headers: &headers, body: b"" };
            if let Err(e) = verify(&request, std::slice::from_ref(&key), 1_764_720_000_000, "lex") {
                let message = e.message();
                prop_assert!(message.len() < 300);
                if value.len() > 40 {
                    prop_assert!(!message.contains(value.as_str()));
                }
            }
        }
    }
}

//! Lex V2 PutSession read from an arbitrary body (the first byte chooses whether a
//! `ResponseContentType` is sent, the rest is the body, with JSON's `Content-Type`). Never a
//! panic; every refusal is a short message on one line with a 400 or 413; and every request
//! read writes a body that reads back equal, as does its session state alone.
#![no_main]

use botsession::{LexV2PutSessionRequest, LexV2SessionState};
use libfuzzer_sys::fuzz_target;

const PATH: &str = "/bots/ABCDE12345/botAliases/TSTALIASID/botLocales/en_US/sessions/user%3A42";

fn short(text: &str) {
    assert!(
        text.len() < 300 && !text.chars().any(char::is_control),
        "{text:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    let [choice, body @ ..] = data else {
        return;
    };
    let mut headers = vec![("Content-Type", "application/json")];
    if choice & 1 == 1 {
        headers.push(("ResponseContentType", "text/plain; charset=utf-8"));
    }
    match LexV2PutSessionRequest::from_request("POST", PATH, &headers, body) {
        Ok(request) => {
            let written = request.body();
            let headers: Vec<_> = request.headers().collect();
            let again =
                LexV2PutSessionRequest::from_request("POST", &request.path(), &headers, &written)
                    .expect("a written body reads back");
            assert_eq!(again, request);
            assert_eq!(again.body(), written);
            let state = request.session_state();
            assert_eq!(
                LexV2SessionState::from_json(&state.to_json()).as_ref(),
                Ok(state)
            );
        }
        Err(e) => {
            short(&e.to_string());
            short(&format!("{e:?}"));
            assert!(matches!(e.http_status(), 400 | 413), "{e}");
        }
    }
});

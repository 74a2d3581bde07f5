//! Every operation the crate types and every path it routes: the one place an operation is
//! listed. Adding one is a row in `operations!` and its method on its path below.

use alloc::string::String;

use super::{Api, Handler, Incoming, Labels, Resource, RouteError};
#[cfg(feature = "serde")]
use crate::{AilyCreateSessionRequest, AilyUpdateSessionRequest, LexV2PutSessionRequest};
use crate::{
    AilyDeleteSessionRequest, AilyGetSessionRequest, LexDeleteSessionRequest,
    LexV2DeleteSessionRequest, LexV2GetSessionRequest,
};

/// A request type the router builds: its API, its path, and how it comes out of an
/// [`Operation`].
pub(crate) trait Routed: Sized {
    /// The API whose paths it is routed among.
    const API: Api;
    /// The operation's name in the service's docs.
    const NAME: &'static str;
    /// Builds the request from the labels its path template captured, and the headers and
    /// body it reads.
    fn from_parts(labels: Labels<'_>, incoming: &Incoming<'_>) -> Result<Self, RouteError>;
}

/// The router's handler for a typed operation: its name, and its labels made its request.
const fn typed<T: Routed + Into<Operation>>() -> Handler {
    fn parse<'a, T: Routed + Into<Operation>>(
        labels: Labels<'a>,
        incoming: &Incoming<'a>,
    ) -> Result<Operation, RouteError> {
        T::from_parts(labels, incoming).map(Into::into)
    }
    Handler::Typed(T::NAME, parse::<T>)
}

/// Declares [`Operation`] from one row per typed operation: `Variant(Request) = Api, "Name"`,
/// after its docs and, for an operation that needs a feature, its `#[cfg(…)]`.
macro_rules! operations {
    ($($(#[cfg($cfg:meta)])? $(#[doc = $doc:expr])* $variant:ident($request:ident) = $api:ident, $name:literal;)*) => {
        /// A request of any operation the crate types, of any API, as a gateway in front of all
        /// of them receives it: [`Operation::from_route`] routes a request line to one.
        ///
        /// New operations become new variants (the enum is `#[non_exhaustive]`).
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Operation {
            $($(#[cfg($cfg)])? $(#[doc = $doc])* $variant($request),)*
        }

        impl Operation {
            /// Which API the request is for.
            pub fn api(&self) -> Api {
                match self {
                    $($(#[cfg($cfg)])? Operation::$variant(_) => Api::$api,)*
                }
            }

            /// The operation's name in the service's docs, e.g. `"DeleteSession"`.
            pub fn name(&self) -> &'static str {
                match self {
                    $($(#[cfg($cfg)])? Operation::$variant(_) => $name,)*
                }
            }

            /// The HTTP method.
            pub fn method(&self) -> &'static str {
                match self {
                    $($(#[cfg($cfg)])? Operation::$variant(_) => $request::METHOD,)*
                }
            }

            /// The request path, labels percent-encoded, as the API renders it.
            pub fn path(&self) -> String {
                match self {
                    $($(#[cfg($cfg)])? Operation::$variant(request) => request.path(),)*
                }
            }
        }

        /// Every typed operation, with its API, in the table's order.
        pub(super) const TYPED: &[(Api, &str)] = &[$($(#[cfg($cfg)])? (Api::$api, $name),)*];

        $(
            $(#[cfg($cfg)])?
            impl From<$request> for Operation {
                fn from(request: $request) -> Self {
                    Operation::$variant(request)
                }
            }

            $(#[cfg($cfg)])?
            impl Routed for $request {
                const API: Api = Api::$api;
                const NAME: &'static str = $name;
                fn from_parts(labels: Labels<'_>, incoming: &Incoming<'_>) -> Result<Self, RouteError> {
                    $request::from_parts(labels, incoming)
                }
            }
        )*
    };
}

operations! {
    #[cfg(feature = "serde")]
    /// Feishu Aily create session (its body is JSON: with the `serde` feature).
    AilyCreateSession(AilyCreateSessionRequest) = Aily, "CreateSession";
    /// Feishu Aily get session.
    AilyGetSession(AilyGetSessionRequest) = Aily, "GetSession";
    #[cfg(feature = "serde")]
    /// Feishu Aily update session (its body is JSON: with the `serde` feature).
    AilyUpdateSession(AilyUpdateSessionRequest) = Aily, "UpdateSession";
    /// Feishu Aily delete session.
    AilyDeleteSession(AilyDeleteSessionRequest) = Aily, "DeleteSession";
    /// Amazon Lex runtime V1 DeleteSession.
    LexDeleteSession(LexDeleteSessionRequest) = Lex, "DeleteSession";
    /// Amazon Lex V2 runtime GetSession.
    LexV2GetSession(LexV2GetSessionRequest) = LexV2, "GetSession";
    #[cfg(feature = "serde")]
    /// Amazon Lex V2 runtime PutSession (its body is JSON: with the `serde` feature).
    LexV2PutSession(LexV2PutSessionRequest) = LexV2, "PutSession";
    /// Amazon Lex V2 runtime DeleteSession.
    LexV2DeleteSession(LexV2DeleteSessionRequest) = LexV2, "DeleteSession";
}

use Handler::Other;

/// Create and update session: typed where their JSON bodies are read (the `serde` feature).
#[cfg(feature = "serde")]
const AILY_CREATE: Handler = typed::<AilyCreateSessionRequest>();
#[cfg(not(feature = "serde"))]
const AILY_CREATE: Handler = Other("CreateSession");
/// The collection's `Allow`: empty where its one operation is not typed.
#[cfg(feature = "serde")]
const AILY_CREATE_ALLOW: &str = "POST";
#[cfg(not(feature = "serde"))]
const AILY_CREATE_ALLOW: &str = "";
#[cfg(feature = "serde")]
const AILY_UPDATE: Handler = typed::<AilyUpdateSessionRequest>();
#[cfg(not(feature = "serde"))]
const AILY_UPDATE: Handler = Other("UpdateSession");
/// Lex V2 PutSession: typed where its JSON body is read (the `serde` feature).
#[cfg(feature = "serde")]
const LEX_V2_PUT: Handler = typed::<LexV2PutSessionRequest>();
#[cfg(not(feature = "serde"))]
const LEX_V2_PUT: Handler = Other("PutSession");

/// Aily's session paths: create on the collection; get, update and delete on a session; and the
/// messages and runs under a session, which the crate does not type (the Feishu docs of the
/// aily_session, aily_message and run resources).
const AILY: &[Resource] = &[
    Resource {
        template: "/open-apis/aily/v1/sessions",
        allow: AILY_CREATE_ALLOW,
        methods: &[("POST", AILY_CREATE)],
    },
    Resource {
        template: AilyDeleteSessionRequest::PATH_TEMPLATE,
        allow: "DELETE, GET, PUT",
        methods: &[
            ("DELETE", typed::<AilyDeleteSessionRequest>()),
            ("GET", typed::<AilyGetSessionRequest>()),
            ("PUT", AILY_UPDATE),
        ],
    },
    Resource {
        template: "/open-apis/aily/v1/sessions/:aily_session_id/messages",
        allow: "",
        methods: &[
            ("GET", Other("ListMessages")),
            ("POST", Other("CreateMessage")),
        ],
    },
    Resource {
        template: "/open-apis/aily/v1/sessions/:aily_session_id/messages/:aily_message_id",
        allow: "",
        methods: &[("GET", Other("GetMessage"))],
    },
    Resource {
        template: "/open-apis/aily/v1/sessions/:aily_session_id/runs",
        allow: "",
        methods: &[("GET", Other("ListRuns")), ("POST", Other("CreateRun"))],
    },
    Resource {
        template: "/open-apis/aily/v1/sessions/:aily_session_id/runs/:run_id",
        allow: "",
        methods: &[("GET", Other("GetRun"))],
    },
    Resource {
        template: "/open-apis/aily/v1/sessions/:aily_session_id/runs/:run_id/cancel",
        allow: "",
        methods: &[("POST", Other("CancelRun"))],
    },
];

/// Lex V1's session paths: PutSession beside DeleteSession, and GetSession on the same path
/// with a trailing slash (the API reference writes `…/session/`).
const LEX: &[Resource] = &[
    Resource {
        template: LexDeleteSessionRequest::PATH_TEMPLATE,
        allow: "DELETE, POST",
        methods: &[
            ("DELETE", typed::<LexDeleteSessionRequest>()),
            ("POST", Other("PutSession")),
        ],
    },
    Resource {
        template: "/bot/{botName}/alias/{botAlias}/user/{userId}/session/",
        allow: "",
        methods: &[("GET", Other("GetSession"))],
    },
];

/// Lex V2's session paths: GetSession and PutSession beside DeleteSession, and the three
/// operations under a session.
const LEX_V2: &[Resource] = &[
    Resource {
        template: LexV2DeleteSessionRequest::PATH_TEMPLATE,
        allow: "DELETE, GET, POST",
        methods: &[
            ("DELETE", typed::<LexV2DeleteSessionRequest>()),
            ("GET", typed::<LexV2GetSessionRequest>()),
            ("POST", LEX_V2_PUT),
        ],
    },
    Resource {
        template: "/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}/text",
        allow: "",
        methods: &[("POST", Other("RecognizeText"))],
    },
    Resource {
        template: "/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}/utterance",
        allow: "",
        methods: &[("POST", Other("RecognizeUtterance"))],
    },
    Resource {
        template: "/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}/conversation",
        allow: "",
        methods: &[("POST", Other("StartConversation"))],
    },
];

/// The paths of `api`.
pub(super) fn resources(api: Api) -> &'static [Resource] {
    match api {
        Api::Aily => AILY,
        Api::Lex => LEX,
        Api::LexV2 => LEX_V2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    /// `allow` is derived, not chosen: the sorted methods of the path, or empty where no
    /// operation of the path is typed.
    #[test]
    fn allow_lists_the_methods_of_the_path() {
        for api in [Api::Aily, Api::Lex, Api::LexV2] {
            for resource in resources(api) {
                let mut methods: Vec<&str> = resource.methods.iter().map(|(m, _)| *m).collect();
                methods.sort_unstable();
                let typed = resource
                    .methods
                    .iter()
                    .any(|(_, h)| matches!(h, Handler::Typed(..)));
                let expected = if typed {
                    methods.join(", ")
                } else {
                    String::new()
                };
                assert_eq!(resource.allow, expected, "{}", resource.template);
                assert_eq!(Api::of_path(resource.template), Some(api));
            }
        }
    }
}

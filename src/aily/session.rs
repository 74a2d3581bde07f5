//! What the session operations share: the `aily_session` object, the body of create and update
//! (read strictly, written exactly), and the success response of the operations that answer
//! with a session.

use alloc::string::String;

use super::{AilyChannelContext, AilyMetadata, AilySessionId};

/// An Aily session, the `aily_session` object that create, get and update answer with:
///
/// ```json
/// {"id":"session_4dfunz7sp1g8m","created_at":"1711975665710","modified_at":"1711975665710",
///  "created_by":"1794840334557292","channel_context":"{}","metadata":"{}"}
/// ```
///
/// The timestamps are millisecond epochs that travel as JSON strings: typed as `i64`, read from
/// and written as strings (a timestamp that is not an integer, or that does not fit in 64 bits,
/// makes the response malformed). `created_by` is the Aily user id of its creator.
/// `channel_context` and `metadata` are the opaque texts the session was given, kept as they
/// are (never parsed); each is left out where the service sent none.
///
/// With the `serde` feature its serde form is that object, as the service writes it.
///
/// ```
/// use botsession::{AilyMetadata, AilySession, AilySessionId};
///
/// let session = AilySession::new(AilySessionId::from_static("session_4dfunz7sp1g8m"), 1711975665710)
///     .with_created_by("1794840334557292")
///     .with_metadata(AilyMetadata::new("{}")?);
/// assert_eq!(session.modified_at(), 1711975665710);
/// assert_eq!(session.metadata().map(AilyMetadata::as_str), Some("{}"));
/// assert_eq!(session.channel_context(), None);
/// # Ok::<(), botsession::TextError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AilySession {
    id: AilySessionId,
    #[cfg_attr(feature = "serde", serde(with = "millis"))]
    created_at: i64,
    #[cfg_attr(feature = "serde", serde(with = "millis"))]
    modified_at: i64,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    created_by: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    channel_context: Option<AilyChannelContext>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    metadata: Option<AilyMetadata>,
}

impl AilySession {
    /// A session created at `created_at` (milliseconds since the Unix epoch), not modified
    /// since, with no creator, channel context or metadata.
    pub fn new(id: AilySessionId, created_at: i64) -> Self {
        AilySession {
            id,
            created_at,
            modified_at: created_at,
            created_by: None,
            channel_context: None,
            metadata: None,
        }
    }

    /// The same, last modified at `modified_at` (milliseconds).
    #[must_use]
    pub fn with_modified_at(mut self, modified_at: i64) -> Self {
        self.modified_at = modified_at;
        self
    }

    /// The same, created by the Aily user `created_by`.
    #[must_use]
    pub fn with_created_by(mut self, created_by: impl Into<String>) -> Self {
        self.created_by = Some(created_by.into());
        self
    }

    /// The same, with a channel context.
    #[must_use]
    pub fn with_channel_context(mut self, channel_context: AilyChannelContext) -> Self {
        self.channel_context = Some(channel_context);
        self
    }

    /// The same, with metadata.
    #[must_use]
    pub fn with_metadata(mut self, metadata: AilyMetadata) -> Self {
        self.metadata = Some(metadata);
        self
    }

    /// The session's id.
    pub fn id(&self) -> AilySessionId {
        self.id
    }

    /// When it was created: milliseconds since the Unix epoch.
    pub fn created_at(&self) -> i64 {
        self.created_at
    }

    /// When it was last modified: milliseconds since the Unix epoch.
    pub fn modified_at(&self) -> i64 {
        self.modified_at
    }

    /// The Aily user id of its creator, where the service sent one.
    pub fn created_by(&self) -> Option<&str> {
        self.created_by.as_deref()
    }

    /// Its channel context, where it has one.
    pub fn channel_context(&self) -> Option<&AilyChannelContext> {
        self.channel_context.as_ref()
    }

    /// Its metadata, where it has some.
    pub fn metadata(&self) -> Option<&AilyMetadata> {
        self.metadata.as_ref()
    }

    /// The session after an update at `now` (milliseconds): each field the update carries
    /// replaces the stored one, an empty string included; a field it leaves out (or sends as
    /// `null`) is kept. `modified_at` becomes `now`. This is the crate's reading of update
    /// session, whose docs do not say what an omitted field does (the README says why).
    #[must_use]
    pub fn updated(
        mut self,
        channel_context: Option<&AilyChannelContext>,
        metadata: Option<&AilyMetadata>,
        now: i64,
    ) -> Self {
        if let Some(channel_context) = channel_context {
            self.channel_context = Some(channel_context.clone());
        }
        if let Some(metadata) = metadata {
            self.metadata = Some(metadata.clone());
        }
        self.modified_at = now;
        self
    }
}

/// The serde form, read only from an object: a derived `Deserialize` would also read an array,
/// by position, which no service sends. Unknown fields are ignored, `null` is an absent field.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for AilySession {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let read = crate::response::Object::<Read>::deserialize(deserializer)?.0;
        Ok(AilySession {
            id: read.id,
            created_at: read.created_at,
            modified_at: read.modified_at,
            created_by: read.created_by,
            channel_context: read.channel_context,
            metadata: read.metadata,
        })
    }
}

/// [`AilySession`]'s fields as read from a map.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
struct Read {
    id: AilySessionId,
    #[serde(with = "millis")]
    created_at: i64,
    #[serde(with = "millis")]
    modified_at: i64,
    created_by: Option<String>,
    channel_context: Option<AilyChannelContext>,
    metadata: Option<AilyMetadata>,
}

/// A millisecond timestamp as the service writes it: a JSON string of an integer.
#[cfg(feature = "serde")]
mod millis {
    use core::fmt;

    use serde::de::{Error, Visitor};
    use serde::{Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(millis: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(millis)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        struct Millis;

        impl Visitor<'_> for Millis {
            type Value = i64;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a timestamp string")
            }

            fn visit_str<E: Error>(self, value: &str) -> Result<i64, E> {
                // The value is not quoted: it may be huge.
                parse(value)
                    .ok_or_else(|| E::custom("timestamp not an integer that fits in 64 bits"))
            }
        }

        deserializer.deserialize_str(Millis)
    }

    /// `-?[0-9]+` that fits in an `i64` (no `+`, no spaces, no exponent).
    pub(super) fn parse(value: &str) -> Option<i64> {
        let digits = value.strip_prefix('-').unwrap_or(value);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        value.parse().ok()
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn only_plain_integers_that_fit_are_timestamps() {
            assert_eq!(super::parse("1711975665710"), Some(1_711_975_665_710));
            assert_eq!(super::parse("-1"), Some(-1));
            assert_eq!(super::parse("0"), Some(0));
            assert_eq!(super::parse("9223372036854775807"), Some(i64::MAX));
            assert_eq!(super::parse("-9223372036854775808"), Some(i64::MIN));
            for refused in [
                "",
                "-",
                "+1",
                " 1",
                "1 ",
                "1e3",
                "1.0",
                "9223372036854775808",
                "0x1",
                "--1",
            ] {
                assert_eq!(super::parse(refused), None, "{refused:?}");
            }
        }
    }
}

#[cfg(feature = "serde")]
pub(crate) use wire::{read_fields, session_response, write_body};

#[cfg(feature = "serde")]
mod wire {
    use alloc::string::String;
    use alloc::vec::Vec;
    use core::fmt;

    use serde::de::{DeserializeSeed, Error, IgnoredAny, MapAccess, Visitor};
    use serde::Deserialize;

    use super::AilySession;
    use crate::aily::wire::AILY_MAX_BODY_LEN;
    use crate::response::wire::{key, write_i64, JsonObject};
    use crate::response::{MalformedResponse, Object};
    use crate::route::body::json_error;
    use crate::route::{FieldError, Incoming};
    use crate::{AilyChannelContext, AilyMetadata, RouteError};

    /// The body of create and update: each field optional.
    #[derive(Default)]
    pub(crate) struct Fields {
        pub(crate) channel_context: Option<AilyChannelContext>,
        pub(crate) metadata: Option<AilyMetadata>,
    }

    /// Reads the body of create or update (whose `Content-Type` the caller checked): at most
    /// [`AILY_MAX_BODY_LEN`] bytes, one JSON object whose `channel_context` and `metadata` are
    /// strings of at most 255 characters or `null` (absent), each at most once; other fields are
    /// ignored, as the service's JSON reader ignores them.
    pub(crate) fn read_fields(incoming: &Incoming<'_>) -> Result<Fields, RouteError> {
        let body = incoming.json_body(AILY_MAX_BODY_LEN)?;
        let mut fault = None;
        let mut de = serde_json::Deserializer::from_slice(body);
        let read =
            serde::Deserializer::deserialize_map(&mut de, FieldsVisitor { fault: &mut fault })
                .and_then(|fields| de.end().map(|()| fields));
        read.map_err(|e| fault.unwrap_or_else(|| json_error(&e)))
    }

    /// The field a key names.
    enum Key {
        ChannelContext,
        Metadata,
        Other,
    }

    impl<'de> Deserialize<'de> for Key {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct KeyVisitor;

            impl Visitor<'_> for KeyVisitor {
                type Value = Key;

                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a field name")
                }

                fn visit_str<E: Error>(self, key: &str) -> Result<Key, E> {
                    Ok(match key {
                        "channel_context" => Key::ChannelContext,
                        "metadata" => Key::Metadata,
                        _ => Key::Other,
                    })
                }
            }

            deserializer.deserialize_str(KeyVisitor)
        }
    }

    /// Reads the body's object, recording the first field rule it breaks in `fault` (the error
    /// `serde_json` returns then carries no information of its own).
    struct FieldsVisitor<'f> {
        fault: &'f mut Option<RouteError>,
    }

    impl FieldsVisitor<'_> {
        fn fail<E: Error>(&mut self, field: &'static str, error: FieldError) -> E {
            *self.fault = Some(RouteError::Field { field, error });
            E::custom("")
        }
    }

    impl<'de> Visitor<'de> for FieldsVisitor<'_> {
        type Value = Fields;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON object")
        }

        fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Fields, A::Error> {
            let mut fields = Fields::default();
            let (mut channel_context, mut metadata) = (false, false);
            while let Some(key) = map.next_key::<Key>()? {
                let (field, seen) = match key {
                    Key::ChannelContext => ("channel_context", &mut channel_context),
                    Key::Metadata => ("metadata", &mut metadata),
                    Key::Other => {
                        map.next_value::<IgnoredAny>()?;
                        continue;
                    }
                };
                if core::mem::replace(seen, true) {
                    return Err(self.fail(field, FieldError::Repeated));
                }
                let Some(text) = map.next_value_seed(Text {
                    field,
                    fault: &mut *self.fault,
                })?
                else {
                    continue;
                };
                let read = match key {
                    Key::ChannelContext => {
                        AilyChannelContext::new(text).map(|c| fields.channel_context = Some(c))
                    }
                    _ => AilyMetadata::new(text).map(|m| fields.metadata = Some(m)),
                };
                if let Err(e) = read {
                    return Err(self.fail(field, FieldError::Text(e)));
                }
            }
            Ok(fields)
        }
    }

    /// One text field's value: a string, or `null` for none; any other type is recorded as
    /// [`FieldError::NotString`]. (`serde_json`, the one reader this seed serves, hands a string
    /// over borrowed or as `&str`, and `null` as a unit: the other visits never come.)
    struct Text<'f> {
        field: &'static str,
        fault: &'f mut Option<RouteError>,
    }

    impl Text<'_> {
        fn not_string<E: Error>(self) -> Result<Option<String>, E> {
            *self.fault = Some(RouteError::Field {
                field: self.field,
                error: FieldError::NotString,
            });
            Err(E::custom(""))
        }
    }

    impl<'de> DeserializeSeed<'de> for Text<'_> {
        type Value = Option<String>;

        fn deserialize<D: serde::Deserializer<'de>>(
            self,
            deserializer: D,
        ) -> Result<Option<String>, D::Error> {
            deserializer.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Text<'_> {
        type Value = Option<String>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or null")
        }

        fn visit_str<E: Error>(self, value: &str) -> Result<Option<String>, E> {
            Ok(Some(String::from(value)))
        }

        fn visit_unit<E: Error>(self) -> Result<Option<String>, E> {
            Ok(None)
        }

        fn visit_bool<E: Error>(self, _: bool) -> Result<Option<String>, E> {
            self.not_string()
        }

        fn visit_i64<E: Error>(self, _: i64) -> Result<Option<String>, E> {
            self.not_string()
        }

        fn visit_u64<E: Error>(self, _: u64) -> Result<Option<String>, E> {
            self.not_string()
        }

        fn visit_f64<E: Error>(self, _: f64) -> Result<Option<String>, E> {
            self.not_string()
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> Result<Option<String>, A::Error> {
            self.not_string()
        }

        fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Option<String>, A::Error> {
            self.not_string()
        }
    }

    /// The body of create and update: the fields given, `{}` for none.
    pub(crate) fn write_body(
        channel_context: Option<&AilyChannelContext>,
        metadata: Option<&AilyMetadata>,
    ) -> Vec<u8> {
        let len = |t: Option<&str>| t.map_or(0, |t| t.len() + 20);
        let (channel_context, metadata) = (
            channel_context.map(AilyChannelContext::as_str),
            metadata.map(AilyMetadata::as_str),
        );
        let mut body = Vec::with_capacity(2 + len(channel_context) + len(metadata));
        let mut object = JsonObject::open(&mut body);
        object.optional(key!("channel_context"), channel_context);
        object.optional(key!("metadata"), metadata);
        object.close();
        body
    }

    /// A success's `data`: `{"session": …}`.
    #[derive(Deserialize)]
    struct SessionData {
        session: Object<AilySession>,
    }

    /// The session of a success's `data`, which must hold one.
    pub(crate) fn read_session(
        status: u16,
        data: Option<&serde_json::value::RawValue>,
        body: &[u8],
    ) -> Result<AilySession, MalformedResponse> {
        let data = data.ok_or_else(|| {
            MalformedResponse::new(status, "a success without data.session", body)
        })?;
        let data: Object<SessionData> = serde_json::from_str(data.get())
            .map_err(|e| MalformedResponse::new(status, e, body))?;
        Ok(data.0.session.0)
    }

    /// Writes the success envelope of an operation that answers with `session`, as the service
    /// writes it: `{"code":0,"msg":…,"data":{"session":{…}}}`, the session's fields in the
    /// order of its serde form.
    pub(crate) fn write_success(message: Option<&str>, session: &AilySession) -> Vec<u8> {
        let text = |t: Option<&str>| t.map_or(0, str::len);
        let mut body = Vec::with_capacity(
            200 + text(message)
                + text(session.created_by())
                + text(session.channel_context().map(AilyChannelContext::as_str))
                + text(session.metadata().map(AilyMetadata::as_str)),
        );
        let mut envelope = JsonObject::open(&mut body);
        envelope.raw(key!("code"), b"0");
        envelope.optional(key!("msg"), message);
        let mut data = JsonObject::open(envelope.key(key!("data")));
        let mut object = JsonObject::open(data.key(key!("session")));
        object.string(key!("id"), session.id().as_str());
        millis(object.key(key!("created_at")), session.created_at());
        millis(object.key(key!("modified_at")), session.modified_at());
        object.optional(key!("created_by"), session.created_by());
        object.optional(
            key!("channel_context"),
            session.channel_context().map(AilyChannelContext::as_str),
        );
        object.optional(
            key!("metadata"),
            session.metadata().map(AilyMetadata::as_str),
        );
        object.close();
        data.close();
        envelope.close();
        body
    }

    /// A timestamp as a JSON string.
    fn millis(out: &mut Vec<u8>, millis: i64) {
        out.push(b'"');
        write_i64(out, millis);
        out.push(b'"');
    }

    /// Declares the success response of an operation that answers with a session.
    macro_rules! session_response {
        ($(#[$doc:meta])* $name:ident) => {
            $(#[$doc])*
            #[derive(Clone, Debug, PartialEq, Eq)]
            #[non_exhaustive]
            pub struct $name {
                http_status: u16,
                message: Option<alloc::string::String>,
                request_id: Option<alloc::string::String>,
                session: $crate::AilySession,
            }

            impl $name {
                /// Classifies a response from its HTTP status, headers (any
                /// [`Headers`](crate::Headers); names matched case-insensitively, first
                /// occurrence wins) and body, as every Aily response is classified: the body
                /// decides, whatever the status, `code` 0 being a success and any other code an
                /// [`AilyServiceError`](crate::AilyServiceError).
                ///
                /// # Errors
                ///
                /// [`ResponseError::Service`](crate::ResponseError::Service) for a non-zero
                /// `code`; [`ResponseError::Malformed`](crate::ResponseError::Malformed) for a
                /// body that is not the envelope (as delete session's `from_http`), and for a
                /// success whose `data.session` is missing or breaks a rule: an id that is not
                /// a session id, a timestamp that is not a string of an integer that fits in
                /// 64 bits, a `channel_context` or `metadata` of more than 255 characters.
                pub fn from_http<H: $crate::Headers + ?Sized>(
                    status: u16,
                    headers: &H,
                    body: &[u8],
                ) -> Result<Self, $crate::ResponseError<$crate::AilyServiceError>> {
                    let ok = $crate::aily::error::read_envelope(status, headers, body)?;
                    let session = $crate::aily::session::read_session(status, ok.data, body)
                        .map_err($crate::ResponseError::Malformed)?;
                    Ok($name {
                        http_status: ok.http_status,
                        message: ok.message,
                        request_id: ok.request_id,
                        session,
                    })
                }

                /// The success the service sends with `session`: HTTP 200, `msg`
                /// `"success"`, no log id.
                pub fn new(session: $crate::AilySession) -> Self {
                    $name {
                        http_status: 200,
                        message: Some(alloc::string::String::from($crate::aily::wire::SUCCESS)),
                        request_id: None,
                        session,
                    }
                }

                /// The same, with a log id (sent in `X-Tt-Logid`).
                #[must_use]
                pub fn with_request_id(
                    mut self,
                    request_id: impl Into<alloc::string::String>,
                ) -> Self {
                    self.request_id = Some(request_id.into());
                    self
                }

                /// Writes the response as the service sends it: the status, `Content-Type:
                /// application/json; charset=utf-8`, the log id in `X-Tt-Logid` (where it is a
                /// valid header value), and `{"code":0,"msg":…,"data":{"session":{…}}}` (`msg`
                /// where set). What it writes, [`from_http`](Self::from_http) reads back equal.
                pub fn render(&self) -> $crate::WireResponse {
                    let body = $crate::aily::session::write_success(
                        self.message.as_deref(),
                        &self.session,
                    );
                    let mut wire = $crate::response::wire::WireResponse::new(
                        self.http_status,
                        $crate::aily::wire::CONTENT_TYPE,
                        body,
                    );
                    wire.header_if_safe($crate::aily::wire::LOG_ID, self.request_id.as_deref());
                    wire
                }

                /// The session.
                pub fn session(&self) -> &$crate::AilySession {
                    &self.session
                }

                /// The session, by value.
                pub fn into_session(self) -> $crate::AilySession {
                    self.session
                }

                /// The HTTP status of the response.
                pub fn http_status(&self) -> u16 {
                    self.http_status
                }

                /// The service's `msg`: `Some("success")` for a built response, `None` where
                /// the service sent none.
                pub fn message(&self) -> Option<&str> {
                    self.message.as_deref()
                }

                /// The log id: header `X-Tt-Logid`, else `X-Request-Id`, else `error.log_id`.
                pub fn request_id(&self) -> Option<&str> {
                    self.request_id.as_deref()
                }
            }
        };
    }
    pub(crate) use session_response;
}

#[cfg(feature = "serde")]
pub(crate) use wire::{read_session, write_success};

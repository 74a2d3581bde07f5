//! What every Lex V2 session request shares: the four labels of
//! `/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}`, their
//! getters, the path and URLs they render (AWS label encoding) and the path template.

/// Declares a Lex V2 session request: the struct (the four labels, then `$field`s), its
/// `METHOD`, `PATH_TEMPLATE`, label getters, `path`, `url`, `url_on` and `WritePath`. The
/// operation's file adds `new`, its parsing and anything else it carries.
macro_rules! session_request {
    (
        $(#[$meta:meta])*
        $ty:ident, $method:literal {
            $($(#[$fmeta:meta])* $field:ident: $fty:ty,)*
        }
    ) => {
        $(#[$meta])*
        pub struct $ty {
            bot_id: $crate::LexV2BotId,
            bot_alias_id: $crate::LexV2BotAliasId,
            locale_id: $crate::LexV2LocaleId,
            session_id: $crate::LexV2SessionId,
            $($(#[$fmeta])* $field: $fty,)*
        }

        impl $ty {
            /// The HTTP method.
            pub const METHOD: &'static str = $method;
            /// The path template, as the API reference writes it.
            pub const PATH_TEMPLATE: &'static str =
                "/bots/{botId}/botAliases/{botAliasId}/botLocales/{localeId}/sessions/{sessionId}";

            /// The bot.
            pub fn bot_id(&self) -> $crate::LexV2BotId {
                self.bot_id
            }

            /// The bot alias.
            pub fn bot_alias_id(&self) -> $crate::LexV2BotAliasId {
                self.bot_alias_id
            }

            /// The locale.
            pub fn locale_id(&self) -> $crate::LexV2LocaleId {
                self.locale_id
            }

            /// The session.
            pub fn session_id(&self) -> &$crate::LexV2SessionId {
                &self.session_id
            }

            /// The request path, labels percent-encoded (only `A-Za-z0-9-._~` raw: a session
            /// id's `:` becomes `%3A`, which the Rust SDK notes signing needs).
            pub fn path(&self) -> alloc::string::String {
                $crate::route::label::WritePath::path(self)
            }

            /// The full URL on the region's V2 runtime endpoint, [`LexRegion::v2_endpoint`]:
            /// `https://runtime-v2-lex.<region>.amazonaws.com` (`.amazonaws.com.cn` for `cn-`
            /// regions).
            ///
            /// [`LexRegion::v2_endpoint`]: crate::LexRegion::v2_endpoint
            pub fn url(&self, region: &$crate::LexRegion) -> alloc::string::String {
                let mut url = region.v2_endpoint();
                $crate::route::label::WritePath::write_path(self, &mut url);
                url
            }

            /// The full URL on any base: a mock on loopback, LocalStack, a VPC or FIPS
            /// endpoint. `base` is a scheme and host with an optional path prefix; a trailing
            /// `/` is dropped.
            pub fn url_on(&self, base: &str) -> alloc::string::String {
                $crate::route::label::WritePath::url_on(self, base)
            }
        }

        impl $crate::route::label::WritePath for $ty {
            fn write_path(&self, out: &mut alloc::string::String) {
                $crate::lex_v2::request::write_session_path(
                    out,
                    self.bot_id,
                    self.bot_alias_id,
                    self.locale_id,
                    &self.session_id,
                );
            }
        }
    };
}
pub(crate) use session_request;

use alloc::string::String;

use super::{LexV2BotAliasId, LexV2BotId, LexV2LocaleId, LexV2SessionId};
use crate::route::label::encode_into;

/// Writes the session path of every Lex V2 session operation.
pub(crate) fn write_session_path(
    out: &mut String,
    bot_id: LexV2BotId,
    bot_alias_id: LexV2BotAliasId,
    locale_id: LexV2LocaleId,
    session_id: &LexV2SessionId,
) {
    out.push_str("/bots/");
    encode_into(out, bot_id.as_str());
    out.push_str("/botAliases/");
    encode_into(out, bot_alias_id.as_str());
    out.push_str("/botLocales/");
    encode_into(out, locale_id.as_str());
    out.push_str("/sessions/");
    encode_into(out, session_id.as_str());
}

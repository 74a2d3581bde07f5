//! PutSession's response headers: `x-amz-lex-session-state`, `x-amz-lex-request-attributes`
//! and `x-amz-lex-messages` carry JSON, gzipped, then base64-encoded (standard alphabet, with
//! padding).
//!
//! The API reference says so of the state and the request attributes. Of the messages it says
//! nothing for PutSession, and no public client decodes them; the crate writes and reads them
//! the same way, as the reference documents RecognizeUtterance's `x-amz-lex-messages` ("compressed
//! with gzip and then base64 encoded"), which is what users report PutSession sends
//! (aws-sdk-js-v3 issue 2363, "putSession command gives unknown format (base64 on gzip)
//! messages and SessionState"; aws-sdk-js issue 3872). The JSON is the model's: the messages'
//! list, the state's object, the attributes' object.
//!
//! Reading is bounded: a header longer than any gzip of [`LEX_V2_MAX_JSON_LEN`] bytes could be
//! is refused before it is decoded, and inflating stops one byte past the limit, so a small
//! header that inflates to gigabytes costs at most the limit.

use alloc::string::String;
use alloc::vec::Vec;
use std::io::Read as _;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use core::cell::RefCell;

use flate2::read::GzDecoder;
use flate2::{Compress, Compression, Crc, FlushCompress, Status};

use super::wire::{LEX_V2_MAX_JSON_LEN, SESSION_STATE};
use super::{LexV2JsonError, LexV2SessionState};
use crate::value::read::{from_json, Read};

/// Why a PutSession response header does not hold the value it carries.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LexV2HeaderError {
    /// Not base64 (the standard alphabet, with padding).
    #[error("header {header}: not base64")]
    Base64 {
        /// The header's name.
        header: &'static str,
    },
    /// Base64, but not gzip: a bad header, a corrupt or truncated stream, a wrong checksum.
    #[error("header {header}: not gzip, or the gzip is corrupt or truncated")]
    Gzip {
        /// The header's name.
        header: &'static str,
    },
    /// More than [`LEX_V2_MAX_JSON_LEN`] bytes once inflated (nothing past the limit is
    /// inflated).
    #[error("header {header}: inflates to more than {max} bytes")]
    TooLarge {
        /// The header's name.
        header: &'static str,
        /// [`LEX_V2_MAX_JSON_LEN`].
        max: usize,
    },
    /// The JSON inside is not the value: not JSON, or a rule broken, with its path.
    #[error("header {header}: {error}")]
    Json {
        /// The header's name.
        header: &'static str,
        /// What is wrong with the JSON.
        error: LexV2JsonError,
    },
}

/// `json`, gzipped (the default level), then base64-encoded: the bytes `flate2`'s
/// `GzEncoder` writes, with the thread's [`COMPRESSOR`].
pub(crate) fn encode(json: &[u8]) -> String {
    let mut gzip = Vec::with_capacity(json.len() / 2 + 64);
    gzip.extend_from_slice(&GZIP_HEADER);
    COMPRESSOR.with_borrow_mut(|compressor| {
        let compressor =
            compressor.get_or_insert_with(|| Compress::new(Compression::default(), false));
        compressor.reset();
        deflate(compressor, json, &mut gzip);
    });
    let mut crc = Crc::new();
    crc.update(json);
    gzip.extend_from_slice(&crc.sum().to_le_bytes());
    // ISIZE: the length modulo 2^32 (RFC 1952).
    gzip.extend_from_slice(&(json.len() as u32).to_le_bytes());
    STANDARD.encode(gzip)
}

/// The gzip member header `GzEncoder` writes at the default level: the magic, deflate, no
/// flags, no time, no extra flags, operating system unknown (RFC 1952, section 2.3).
const GZIP_HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

std::thread_local! {
    /// The thread's raw deflate compressor, reset for each header. Making one allocates and
    /// zeroes its tables, some 300 KB: more work than compressing a session state, and memory
    /// the allocator hands back and faults in again between requests.
    static COMPRESSOR: RefCell<Option<Compress>> = const { RefCell::new(None) };
}

/// Deflates all of `input` onto the end of `out`, as one finished raw deflate stream.
fn deflate(compressor: &mut Compress, mut input: &[u8], out: &mut Vec<u8>) {
    loop {
        // Room for the compressor to make progress on every call.
        out.reserve(input.len() / 2 + 64);
        let (before_in, before_out) = (compressor.total_in(), compressor.total_out());
        let status = compressor.compress_vec(input, out, FlushCompress::Finish);
        let read = usize::try_from(compressor.total_in() - before_in).unwrap_or(input.len());
        input = input.get(read..).unwrap_or_default();
        let moved = read > 0 || compressor.total_out() > before_out;
        // Into a `Vec` with spare room, deflate never fails, always moves, and ends on
        // `StreamEnd`; anything else ends the loop rather than spin.
        if !(matches!(status, Ok(Status::Ok | Status::BufError)) && moved) {
            return;
        }
    }
}

pub(crate) fn encode_json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    // Strings, numbers, lists and string-keyed maps: writing cannot fail.
    encode(&serde_json::to_vec(value).unwrap_or_default())
}

/// The most base64 a header may have: the gzip of [`LEX_V2_MAX_JSON_LEN`] bytes that do not
/// compress at all, with 2 KiB for the gzip frame and the stored blocks' headers (188 bytes
/// for the limit, as `flate2` writes it), in base64.
const MAX_HEADER_LEN: usize = (LEX_V2_MAX_JSON_LEN + 2048) / 3 * 4;

/// The JSON a header carries, base64 and gzip undone, at most [`LEX_V2_MAX_JSON_LEN`] bytes.
pub(crate) fn inflate(header: &'static str, value: &str) -> Result<Vec<u8>, LexV2HeaderError> {
    let too_large = LexV2HeaderError::TooLarge {
        header,
        max: LEX_V2_MAX_JSON_LEN,
    };
    if value.len() > MAX_HEADER_LEN {
        return Err(too_large);
    }
    let gzip = STANDARD
        .decode(value)
        .map_err(|_| LexV2HeaderError::Base64 { header })?;
    let mut json = Vec::with_capacity((gzip.len() * 4).min(LEX_V2_MAX_JSON_LEN));
    GzDecoder::new(gzip.as_slice())
        .take(LEX_V2_MAX_JSON_LEN as u64 + 1)
        .read_to_end(&mut json)
        .map_err(|_| LexV2HeaderError::Gzip { header })?;
    if json.len() > LEX_V2_MAX_JSON_LEN {
        return Err(too_large);
    }
    Ok(json)
}

/// The value a header carries, every rule checked.
pub(crate) fn decode<T: Read>(header: &'static str, value: &str) -> Result<T, LexV2HeaderError> {
    let json = inflate(header, value)?;
    from_json(&json).map_err(|e| LexV2HeaderError::Json {
        header,
        error: e.into(),
    })
}

impl LexV2SessionState {
    /// The state as PutSession's `x-amz-lex-session-state` header carries it: its JSON,
    /// gzipped, then base64-encoded. What it writes, [`from_header`](Self::from_header) reads
    /// back equal, for a state of at most [`LEX_V2_MAX_JSON_LEN`] bytes of JSON (the model
    /// bounds no slot value's length, so a state can be larger; such a header is refused on
    /// reading).
    ///
    /// ```
    /// use botsession::{LexV2Intent, LexV2SessionState};
    ///
    /// let state = LexV2SessionState::new().with_intent(LexV2Intent::new("OrderPizza".parse()?));
    /// let header = state.to_header();
    /// assert!(header.starts_with("H4sI")); // base64 of gzip's magic bytes
    /// assert_eq!(LexV2SessionState::from_header(&header)?, state);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_header(&self) -> String {
        encode_json(self)
    }

    /// Reads the `x-amz-lex-session-state` header: base64, then gzip, then the state's JSON,
    /// at most [`LEX_V2_MAX_JSON_LEN`] bytes of it.
    ///
    /// # Errors
    ///
    /// A [`LexV2HeaderError`] naming the header and what failed: base64, gzip, the size, or
    /// the JSON and its rules.
    pub fn from_header(value: &str) -> Result<Self, LexV2HeaderError> {
        decode(SESSION_STATE, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` bytes that do not compress (xorshift64).
    fn noise(n: usize) -> Vec<u8> {
        let mut x = 0x2545_f491_4f6c_dd1d_u64;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x.to_le_bytes()[0]
            })
            .collect()
    }

    /// What `GzEncoder` writes, for the same input: the reference the reused compressor must
    /// match byte for byte.
    fn gz_encoder(json: &[u8]) -> String {
        use std::io::Write as _;

        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), Compression::default());
        gzip.write_all(json).unwrap();
        STANDARD.encode(gzip.finish().unwrap())
    }

    #[test]
    fn the_reused_compressor_writes_what_gz_encoder_writes() {
        let state = br#"{"sessionAttributes":{"k":"v"},"intent":{"name":"OrderFlowers","state":"InProgress"}}"#;
        let repetitive = state.repeat(5000);
        // In turn on one thread: each header from a compressor the one before used.
        for json in [
            &b""[..],
            state,
            &noise(70_000),
            &repetitive,
            state,
            &noise(LEX_V2_MAX_JSON_LEN),
        ] {
            assert_eq!(encode(json), gz_encoder(json), "{} bytes", json.len());
            assert_eq!(inflate("h", &encode(json)).unwrap(), json);
        }
        // And on a fresh thread, with a compressor of its own.
        let fresh = std::thread::spawn(move || encode(state)).join().unwrap();
        assert_eq!(fresh, gz_encoder(state));
    }

    #[test]
    fn the_longest_header_read_is_the_gzip_of_the_limit_that_does_not_compress() {
        let header = encode(&noise(LEX_V2_MAX_JSON_LEN));
        assert!(
            header.len() <= MAX_HEADER_LEN,
            "{} > {MAX_HEADER_LEN}",
            header.len()
        );
        // No looser than it needs to be: within the frame and a block's overhead.
        assert!(
            MAX_HEADER_LEN - header.len() < 4096,
            "{} of slack",
            MAX_HEADER_LEN - header.len()
        );
        // That header inflates to the limit exactly, and is read (as bytes: not JSON).
        assert_eq!(
            inflate("h", &header).map(|json| json.len()),
            Ok(LEX_V2_MAX_JSON_LEN)
        );
    }

    #[test]
    fn a_header_past_the_longest_is_refused_before_it_is_decoded() {
        let at_most = "A".repeat(MAX_HEADER_LEN);
        assert_eq!(
            inflate("h", &at_most),
            Err(LexV2HeaderError::Gzip { header: "h" })
        );
        let past = "A".repeat(MAX_HEADER_LEN + 1);
        assert_eq!(
            inflate("h", &past),
            Err(LexV2HeaderError::TooLarge {
                header: "h",
                max: LEX_V2_MAX_JSON_LEN
            })
        );
    }
}

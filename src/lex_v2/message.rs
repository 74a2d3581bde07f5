//! What the bot said and how it understood the user: the model's `Message` (with its
//! `ImageResponseCard` and `Button`s) and `Interpretation` (with `ConfidenceScore` and
//! `SentimentResponse`). Message text is sensitive in the model: [`LexV2Text`] redacts it.

use super::text::{
    LexV2AttachmentTitle, LexV2AttachmentUrl, LexV2ButtonText, LexV2ButtonValue, LexV2Text,
};
use super::LexV2Intent;
use crate::value::read::{checked_object, open_enum, List};

open_enum! {
    /// How a message's content is written: the model's `MessageContentType`.
    LexV2MessageContentType {
        /// `CustomPayload`: the application's own format.
        CustomPayload = "CustomPayload",
        /// `ImageResponseCard`: a card, in `imageResponseCard`.
        ImageResponseCard = "ImageResponseCard",
        /// `PlainText`.
        PlainText = "PlainText",
        /// `SSML`: speech markup.
        Ssml = "SSML",
    }
}

open_enum! {
    /// Which model produced an interpretation: the model's `InterpretationSource`.
    LexV2InterpretationSource {
        /// `Bedrock`.
        Bedrock = "Bedrock",
        /// `Lex`.
        Lex = "Lex",
    }
}

open_enum! {
    /// The sentiment of an utterance: the model's `SentimentType`.
    LexV2SentimentType {
        /// `MIXED`.
        Mixed = "MIXED",
        /// `NEGATIVE`.
        Negative = "NEGATIVE",
        /// `NEUTRAL`.
        Neutral = "NEUTRAL",
        /// `POSITIVE`.
        Positive = "POSITIVE",
    }
}

checked_object! {
    /// A message to the user: the model's `Message`. Its `content` is sensitive in the model,
    /// so its `Debug` shows the length alone.
    ///
    /// ```
    /// use botsession::{LexV2Message, LexV2MessageContentType};
    ///
    /// let message = LexV2Message::new(LexV2MessageContentType::PlainText)
    ///     .with_content("Your PIN is 1234.".parse()?);
    /// assert_eq!(message.content().map(|c| c.as_str()), Some("Your PIN is 1234."));
    /// assert!(!format!("{message:?}").contains("1234"));
    /// # Ok::<(), botsession::TextError>(())
    /// ```
    #[derive(Eq, Hash)]
    LexV2Message {
        required {
            /// `contentType`: how the content is written.
            content_type: LexV2MessageContentType = "contentType",
        }
        rest {
            /// `content`: 1 to 1,024 characters, sensitive.
            content: LexV2Text = "content", opt with_content;
            /// `imageResponseCard`: a card, for `ImageResponseCard`.
            image_response_card: LexV2ImageResponseCard = "imageResponseCard", opt with_image_response_card;
        }
    }
}

checked_object! {
    /// A response card: the model's `ImageResponseCard`, with a title and at most 5 buttons.
    #[derive(Eq, Hash)]
    LexV2ImageResponseCard {
        required {
            /// `title`: 1 to 250 characters.
            title: LexV2AttachmentTitle = "title",
        }
        rest {
            /// `subtitle`: 1 to 250 characters.
            subtitle: LexV2AttachmentTitle = "subtitle", opt with_subtitle;
            /// `imageUrl`: 1 to 250 characters.
            image_url: LexV2AttachmentUrl = "imageUrl", opt with_image_url;
            /// `buttons`: at most 5.
            buttons: List<LexV2Button, 0, 5> = "buttons", many with_buttons(LexV2Button) => [LexV2Button];
        }
    }
}

checked_object! {
    /// A button of a response card: the model's `Button`.
    #[derive(Eq, Hash)]
    LexV2Button {
        required {
            /// `text`: what it shows, 1 to 50 characters.
            text: LexV2ButtonText = "text",
            /// `value`: what it sends, 1 to 50 characters.
            value: LexV2ButtonValue = "value",
        }
        rest {}
    }
}

checked_object! {
    /// One way Lex understood the user: the model's `Interpretation`.
    #[derive(Default)]
    LexV2Interpretation {
        required {}
        rest {
            /// `nluConfidence`: how sure Lex is.
            nlu_confidence: LexV2ConfidenceScore = "nluConfidence", opt with_nlu_confidence;
            /// `sentimentResponse`: the utterance's sentiment, where analysis is on.
            sentiment_response: LexV2SentimentResponse = "sentimentResponse", opt with_sentiment_response;
            /// `intent`: the intent it matched.
            intent: LexV2Intent = "intent", opt with_intent;
            /// `interpretationSource`: which model produced it.
            interpretation_source: LexV2InterpretationSource = "interpretationSource", opt with_interpretation_source;
        }
    }
}

checked_object! {
    /// A confidence score: the model's `ConfidenceScore`.
    #[derive(Default, Copy)]
    LexV2ConfidenceScore {
        required {}
        rest {
            /// `score`: from 0 to 1 in practice (the model sets no range).
            score: f64 = "score", opt with_score;
        }
    }
}

checked_object! {
    /// The sentiment of an utterance: the model's `SentimentResponse`.
    #[derive(Default)]
    LexV2SentimentResponse {
        required {}
        rest {
            /// `sentiment`: the overall sentiment.
            sentiment: LexV2SentimentType = "sentiment", opt with_sentiment;
            /// `sentimentScore`: the score of each.
            sentiment_score: LexV2SentimentScore = "sentimentScore", opt with_sentiment_score;
        }
    }
}

checked_object! {
    /// The score of each sentiment: the model's `SentimentScore`.
    #[derive(Default, Copy)]
    LexV2SentimentScore {
        required {}
        rest {
            /// `positive`.
            positive: f64 = "positive", opt with_positive;
            /// `negative`.
            negative: f64 = "negative", opt with_negative;
            /// `neutral`.
            neutral: f64 = "neutral", opt with_neutral;
            /// `mixed`.
            mixed: f64 = "mixed", opt with_mixed;
        }
    }
}

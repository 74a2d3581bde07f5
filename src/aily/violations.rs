//! The entries of an Aily error's `error` object: which field was wrong, which permission is
//! missing, where the docs explain it.

use alloc::string::String;

/// One entry of `error.field_violations`: which request field was wrong.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[non_exhaustive]
pub struct FieldViolation {
    #[serde(default)]
    field: Option<String>,
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    description: Option<String>,
}

impl FieldViolation {
    /// An entry with every field absent; the `with_*` methods set them.
    pub fn new() -> Self {
        Self::default()
    }
    /// The same, with `field` set.
    #[must_use]
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }
    /// The same, with `value` set.
    #[must_use]
    pub fn with_value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }
    /// The same, with `description` set.
    #[must_use]
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// The field's name.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }
    /// The value the service saw.
    pub fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }
    /// What is wrong with it.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
}

/// One entry of `error.permission_violations`: which scope or permission is missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[non_exhaustive]
pub struct PermissionViolation {
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    subject: Option<String>,
    #[serde(default)]
    description: Option<String>,
}

impl PermissionViolation {
    /// An entry with every field absent; the `with_*` methods set them.
    pub fn new() -> Self {
        Self::default()
    }
    /// The same, with `type` set.
    #[must_use]
    pub fn with_kind(mut self, kind: impl Into<String>) -> Self {
        self.kind = Some(kind.into());
        self
    }
    /// The same, with `subject` set.
    #[must_use]
    pub fn with_subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }
    /// The same, with `description` set.
    #[must_use]
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// The violation's `type`.
    pub fn kind(&self) -> Option<&str> {
        self.kind.as_deref()
    }
    /// What is missing, e.g. the scope `aily:session:write`.
    pub fn subject(&self) -> Option<&str> {
        self.subject.as_deref()
    }
    /// The service's description.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
}

/// One entry of `error.helps`: a link to documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[non_exhaustive]
pub struct Help {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    description: Option<String>,
}

impl Help {
    /// An entry with every field absent; the `with_*` methods set them.
    pub fn new() -> Self {
        Self::default()
    }
    /// The same, with `url` set.
    #[must_use]
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }
    /// The same, with `description` set.
    #[must_use]
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
    /// The link.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
    /// What it explains.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
}

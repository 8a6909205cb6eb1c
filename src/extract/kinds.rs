//! The kinds the extractor deals in, as enums that write the format's strings.

/// What an entity is (`data-format.md`, entities.kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A person.
    Person,
    /// A ministry, government, party, company, agency …
    Organization,
    /// A delegation, «عدد من …», officials as a body.
    Group,
    /// A state.
    Country,
    /// A city or town.
    City,
    /// A building or venue.
    Site,
}

impl EntityKind {
    /// The format's name of the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Group => "group",
            Self::Country => "country",
            Self::City => "city",
            Self::Site => "site",
        }
    }

    /// Whether it names a place (country, city or site).
    pub fn is_place(self) -> bool {
        matches!(self, Self::Country | Self::City | Self::Site)
    }

    /// Whether it can take part in an event as a side.
    pub fn is_actor(self) -> bool {
        matches!(
            self,
            Self::Person | Self::Organization | Self::Group | Self::Country
        )
    }
}

/// What an event is (`data-format.md`, events.kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// Travel to a place, an official visit, a tour.
    Visit,
    /// Arriving somewhere.
    Arrival,
    /// Met, received, held talks, a call, a summit.
    Meeting,
    /// Signed or initialled.
    Signing,
    /// Agreed, reached an agreement.
    Agreement,
}

impl EventKind {
    /// The format's name of the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Visit => "visit",
            Self::Arrival => "arrival",
            Self::Meeting => "meeting",
            Self::Signing => "signing",
            Self::Agreement => "agreement",
        }
    }

    /// The kind a trigger list of the gazetteer names.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "visit" => Self::Visit,
            "arrival" => Self::Arrival,
            "meeting" => Self::Meeting,
            "signing" => Self::Signing,
            "agreement" => Self::Agreement,
            _ => return None,
        })
    }

    /// The CAMEO code that fits.
    pub fn cameo(self) -> &'static str {
        match self {
            Self::Visit | Self::Arrival => "042",
            Self::Meeting => "040",
            Self::Signing => "057",
            Self::Agreement => "030",
        }
    }
}

/// How an entity takes part in an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Receives.
    Host,
    /// Visits, is received.
    Guest,
    /// Signs.
    Signatory,
    /// Accompanies a guest.
    Delegation,
    /// Is talked about.
    Subject,
    /// Otherwise.
    Participant,
}

impl Role {
    /// The format's name of the role.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Host => "host",
            Self::Guest => "guest",
            Self::Signatory => "signatory",
            Self::Delegation => "delegation",
            Self::Subject => "subject",
            Self::Participant => "participant",
        }
    }
}

/// Whether an event took place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// It happened.
    Occurred,
    /// Announced, future.
    Planned,
    /// Someone else says it happened.
    Reported,
}

impl Status {
    /// The format's name of the status.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Occurred => "occurred",
            Self::Planned => "planned",
            Self::Reported => "reported",
        }
    }
}

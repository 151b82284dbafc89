//! The ways a case is decided (selection mission, paper dossier) and which of them
//! emergency cases may take.
use serde::Serialize;

use super::error::PolicyError;
use super::fields::Cx;
use super::raw;
use super::steps::Steps;
use crate::case::{CaseState, Channel, Priority};

/// One channel the programme uses. Emergency cases cannot wait for a mission, so each
/// channel says whether they may use it (the Netherlands: dossier yes, mission no).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ChannelRule {
    /// Mission or dossier.
    pub channel: Channel,
    /// Whether emergency-priority cases may be decided through this channel.
    pub emergency: bool,
}

/// The steps a channel needs switched on, and that must be off without it.
fn steps_of(channel: Channel) -> &'static [CaseState] {
    match channel {
        Channel::Mission => &[CaseState::ScheduledForMission, CaseState::Interviewed],
        Channel::Dossier => &[CaseState::DossierReview],
    }
}

/// Whether the channels used allow a case of `priority` through `channel`.
pub(super) fn allows(rules: &[ChannelRule], channel: Channel, priority: Priority) -> bool {
    rules
        .iter()
        .any(|r| r.channel == channel && (priority != Priority::Emergency || r.emergency))
}

/// Reads `[channels]` and checks it agrees with `[steps]`: a programme without missions
/// switches off `scheduled_for_mission` and `interviewed`, one without dossier decisions
/// switches off `dossier_review`, and one with them keeps them on.
pub(super) fn read(
    raw: &toml::Spanned<raw::Channels>,
    steps: &Steps,
    cx: &Cx,
) -> Result<Vec<ChannelRule>, PolicyError> {
    let c = raw.get_ref();
    let mut rules = Vec::new();
    for (channel, rule) in [
        (Channel::Mission, &c.mission),
        (Channel::Dossier, &c.dossier),
    ] {
        let used = rule.is_some();
        if let Some(r) = rule {
            rules.push(ChannelRule {
                channel,
                emergency: r.emergency,
            });
        }
        for &s in steps_of(channel) {
            if used && !steps.is_on(s) {
                return Err(cx.at(
                    raw,
                    format!("channels.{channel}"),
                    format!(
                        "the {channel} channel needs the step {s}, which steps.off switches off"
                    ),
                ));
            }
            if !used && steps.is_on(s) {
                return Err(PolicyError::key(
                    "steps.off",
                    format!(
                        "there is no [channels.{channel}], so the step {s} must be switched off"
                    ),
                ));
            }
        }
    }
    if rules.is_empty() {
        return Err(cx.at(
            raw,
            "channels",
            "the programme needs at least one channel: [channels.mission] or [channels.dossier]"
                .into(),
        ));
    }
    Ok(rules)
}

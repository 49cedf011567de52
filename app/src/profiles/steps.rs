//! The guided onboarding flows: nine steps for coaches, the same minus the
//! teaching-specific one for freelancers.

use crate::market::FreelancerKind;

/// One onboarding step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Welcome, and how and whom the coach teaches.
    Teaching,
    /// Roles from the taxonomy.
    Roles,
    /// Skill tags.
    Skills,
    /// Tagline, bio, location and experience.
    Experience,
    /// Education and certificates.
    Education,
    /// Languages.
    Languages,
    /// Portfolio links.
    Portfolio,
    /// Hourly rate and availability.
    Rate,
    /// Check everything and submit.
    Review,
}

/// The coach flow (nine steps).
pub const COACH_FLOW: [Step; 9] = [
    Step::Teaching,
    Step::Roles,
    Step::Skills,
    Step::Experience,
    Step::Education,
    Step::Languages,
    Step::Portfolio,
    Step::Rate,
    Step::Review,
];

/// The freelancer flow: the coach flow without the teaching step.
pub const FREELANCER_FLOW: [Step; 8] = [
    Step::Roles,
    Step::Skills,
    Step::Experience,
    Step::Education,
    Step::Languages,
    Step::Portfolio,
    Step::Rate,
    Step::Review,
];

impl Step {
    /// The step's address segment.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Teaching => "teaching",
            Step::Roles => "roles",
            Step::Skills => "skills",
            Step::Experience => "experience",
            Step::Education => "education",
            Step::Languages => "languages",
            Step::Portfolio => "portfolio",
            Step::Rate => "rate",
            Step::Review => "review",
        }
    }

    /// Parses an address segment.
    pub fn from_slug(slug: &str) -> Option<Self> {
        COACH_FLOW.iter().copied().find(|s| s.slug() == slug)
    }

    /// The step's title.
    pub fn title(self) -> &'static str {
        match self {
            Step::Teaching => "Welcome & teaching mode",
            Step::Roles => "Roles",
            Step::Skills => "Skills",
            Step::Experience => "About you & experience",
            Step::Education => "Education & certificates",
            Step::Languages => "Languages",
            Step::Portfolio => "Portfolio",
            Step::Rate => "Rate & availability",
            Step::Review => "Review & submit",
        }
    }

    /// The address of the step's page.
    pub fn href(self) -> String {
        format!("/onboarding/{}", self.slug())
    }
}

/// The steps for a profile of `kind`.
pub fn flow(kind: FreelancerKind) -> &'static [Step] {
    if kind.teaches() {
        &COACH_FLOW
    } else {
        &FREELANCER_FLOW
    }
}

/// The step's 0-based position in the flow, if it belongs to it.
pub fn position(kind: FreelancerKind, step: Step) -> Option<usize> {
    flow(kind).iter().position(|s| *s == step)
}

/// The step after `step` in the flow (the review step is last).
pub fn next(kind: FreelancerKind, step: Step) -> Step {
    let steps = flow(kind);
    position(kind, step)
        .and_then(|i| steps.get(i + 1))
        .copied()
        .unwrap_or(Step::Review)
}

/// Where to resume: the first step not yet completed.
pub fn resume(kind: FreelancerKind, completed: i32) -> Step {
    let steps = flow(kind);
    steps[(completed.max(0) as usize).min(steps.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coaches_have_nine_steps_and_freelancers_eight() {
        assert_eq!(flow(FreelancerKind::Coaching).len(), 9);
        assert_eq!(flow(FreelancerKind::Both).len(), 9);
        assert_eq!(flow(FreelancerKind::Freelance).len(), 8);
        assert!(!flow(FreelancerKind::Freelance).contains(&Step::Teaching));
    }

    #[test]
    fn steps_advance_and_resume() {
        assert_eq!(next(FreelancerKind::Coaching, Step::Teaching), Step::Roles);
        assert_eq!(next(FreelancerKind::Freelance, Step::Rate), Step::Review);
        assert_eq!(next(FreelancerKind::Freelance, Step::Review), Step::Review);
        assert_eq!(resume(FreelancerKind::Freelance, 0), Step::Roles);
        assert_eq!(resume(FreelancerKind::Coaching, 3), Step::Experience);
        assert_eq!(resume(FreelancerKind::Coaching, 99), Step::Review);
        for step in COACH_FLOW {
            assert_eq!(Step::from_slug(step.slug()), Some(step));
        }
    }
}

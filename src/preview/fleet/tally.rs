//! Counting checked devices: per profile, per way the profile was reached, and one page of the
//! device table.

use esp_core::resolve::{DeviceSummary, Via};

/// Devices per profile, by position in resolution order (custom 1..n, then the default).
pub fn per_profile(summaries: &[DeviceSummary], profiles: usize) -> Vec<usize> {
    let mut counts = vec![0; profiles];
    for summary in summaries {
        if let Some(count) = counts.get_mut(summary.profile) {
            *count += 1;
        }
    }
    counts
}

/// Devices reached via the device, via the user, and by default.
pub fn per_via(summaries: &[DeviceSummary]) -> [usize; 3] {
    let mut counts = [0; 3];
    for summary in summaries {
        let slot = match summary.via {
            Via::Device => counts.get_mut(0),
            Via::User => counts.get_mut(1),
            Via::Default => counts.get_mut(2),
        };
        if let Some(count) = slot {
            *count += 1;
        }
    }
    counts
}

/// A share as a percentage with one decimal, `0.0` of nothing.
pub fn percent(count: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        (count as f64 * 1000.0 / total as f64).round() / 10.0
    }
}

/// The positions of the devices on one page (0-based) of those of `profile` (all when `None`),
/// and how many devices match in all.
pub fn page(
    summaries: &[DeviceSummary],
    profile: Option<usize>,
    page: usize,
    size: usize,
) -> (Vec<usize>, usize) {
    let matching = summaries
        .iter()
        .enumerate()
        .filter(|(_, s)| profile.is_none_or(|p| s.profile == p))
        .map(|(i, _)| i);
    let total = match profile {
        None => summaries.len(),
        Some(_) => matching.clone().count(),
    };
    let shown = matching
        .skip(page.saturating_mul(size))
        .take(size)
        .collect();
    (shown, total)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn summary(profile: usize, via: Via) -> DeviceSummary {
        DeviceSummary {
            profile,
            via,
            blocking_apps: 0,
            effective_timeout_minutes: None,
            blocking_fingerprint: 0,
        }
    }

    #[test]
    fn counts_per_profile_and_via() {
        let s = [
            summary(0, Via::Device),
            summary(2, Via::Default),
            summary(0, Via::User),
            summary(9, Via::Device),
        ];
        assert_eq!(per_profile(&s, 3), vec![2, 0, 1]);
        assert_eq!(per_via(&s), [2, 1, 1]);
        assert_eq!(percent(1, 3), 33.3);
        assert_eq!(percent(0, 0), 0.0);
        assert_eq!(percent(2500, 10_000), 25.0);
    }

    #[test]
    fn pages_of_all_devices_or_of_one_profile() {
        let s: Vec<DeviceSummary> = (0..7).map(|i| summary(i % 2, Via::Device)).collect();
        assert_eq!(page(&s, None, 0, 3), (vec![0, 1, 2], 7));
        assert_eq!(page(&s, None, 2, 3), (vec![6], 7));
        assert_eq!(page(&s, Some(1), 0, 2), (vec![1, 3], 3));
        assert_eq!(page(&s, Some(1), 1, 2), (vec![5], 3));
        assert_eq!(page(&s, Some(5), 0, 2), (vec![], 0));
    }
}

//! Quota planning: fair-share keys, needs projections, growth paths. (Filled in by the quota work.)

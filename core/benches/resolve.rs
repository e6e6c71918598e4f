#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! Resolution at fleet scale: 100,000 devices against a tenant of 50 profiles, 5,000 groups,
//! 2,000 apps and 200 filters, generated deterministically (a small LCG, no `rand`).
//!
//! `cargo bench -p esp-core` runs briefly by default (10 samples, 1 s warm-up, 3 s measurement:
//! the machine is shared). Throughput is reported in devices per second, by the wall clock and by
//! the time the benchmark thread spent on a CPU (Linux), which waits for a busy core do not
//! inflate.

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use esp_core::filter::DeviceProperties;
use esp_core::model::*;
use esp_core::resolve::{
    resolve_indexed, IndexedTenant, JoinType, Mode, Scenario, ScenarioDevice, ScenarioUser,
    Summarizer,
};
use std::hint::black_box;
use std::sync::OnceLock;
use std::time::Duration;

const PROFILES: usize = 50;
const GROUPS: usize = 5_000;
const DEVICE_GROUPS: usize = 2_500; // g0..g2499 hold devices, the rest users
const APPS: usize = 2_000;
const FILTERS: usize = 200;
const DEVICES: usize = 100_000;

/// Knuth's MMIX LCG: deterministic and good enough to spread choices.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// A skewed pick in 0..n: low indices are far more common, as a few groups (All staff,
    /// Autopilot devices) hold most members.
    fn skewed(&mut self, n: usize) -> usize {
        let x = self.below(n);
        x * x / n * x / n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const MODELS: [&str; 6] = [
    "Surface Laptop 5",
    "Surface Book 3",
    "Latitude 7440",
    "EliteBook 840 G10",
    "ThinkPad T14",
    "Virtual Machine",
];
const MAKERS: [&str; 4] = ["Microsoft Corporation", "Dell Inc.", "HP", "LENOVO"];
const VERSIONS: [&str; 4] = [
    "10.0.22631.4460",
    "10.0.26100.2314",
    "10.0.19045.3803",
    "10.0.22621.3007",
];
const SKUS: [&str; 4] = ["Enterprise", "Education", "Professional", "EnterpriseS"];
const OWNERSHIP: [&str; 2] = ["Corporate", "Personal"];
const AUTOPILOT: [&str; 3] = ["AP-Kiosk", "AP-Staff", "AP-Lab"];

fn device_group(rng: &mut Lcg) -> GroupId {
    GroupId::new(format!("g{}", rng.skewed(DEVICE_GROUPS)))
}

fn user_group(rng: &mut Lcg) -> GroupId {
    GroupId::new(format!(
        "g{}",
        DEVICE_GROUPS + rng.skewed(GROUPS - DEVICE_GROUPS)
    ))
}

fn filter_rule(rng: &mut Lcg) -> String {
    match rng.below(6) {
        0 => format!(r#"(device.model -eq "{}")"#, rng.pick(&MODELS)),
        1 => format!(
            r#"(device.manufacturer -startsWith "{}")"#,
            &rng.pick(&MAKERS)[..2]
        ),
        2 => format!(
            r#"(device.osVersion -startsWith "{}")"#,
            &rng.pick(&VERSIONS)[..7]
        ),
        3 => format!(
            r#"(device.operatingSystemSKU -in ["{}", "{}"])"#,
            rng.pick(&SKUS),
            rng.pick(&SKUS)
        ),
        4 => format!(
            r#"(device.deviceOwnership -eq "{}") and (device.enrollmentProfileName -ne $null)"#,
            rng.pick(&OWNERSHIP)
        ),
        _ => format!(
            r#"(device.enrollmentProfileName -contains "{}") or (device.model -notContains "Virtual")"#,
            &rng.pick(&AUTOPILOT)[3..]
        ),
    }
}

fn filtered(rng: &mut Lcg, percent: u64) -> Option<AppliedFilter> {
    rng.chance(percent).then(|| AppliedFilter {
        id: FilterId::new(format!("f{}", rng.below(FILTERS - 1))),
        mode: if rng.chance(70) {
            FilterMode::Include
        } else {
            FilterMode::Exclude
        },
    })
}

fn tenant() -> Tenant {
    let mut rng = Lcg(0x5eed);
    let mut tenant = Tenant::default();
    tenant.default_profile_mut().settings = Progress::new_profile();
    for i in 0..GROUPS {
        tenant.groups.push(Group {
            id: GroupId::new(format!("g{i}")),
            display_name: format!("Group {i}"),
            member_kind: Some(if i < DEVICE_GROUPS {
                MemberKind::Device
            } else {
                MemberKind::User
            }),
        });
    }
    for i in 0..FILTERS - 1 {
        tenant.filters.push(AssignmentFilter {
            id: FilterId::new(format!("f{i}")),
            display_name: format!("Filter {i}"),
            platform: WINDOWS_FILTER_PLATFORM.into(),
            rule: filter_rule(&mut rng),
        });
    }
    tenant.filters.push(AssignmentFilter {
        id: FilterId::new("f-vm"),
        display_name: "Virtual machines".into(),
        platform: WINDOWS_FILTER_PLATFORM.into(),
        rule: r#"(device.model -eq "Virtual Machine") or (device.model -startsWith "VMware")"#
            .into(),
    });
    for i in 0..APPS {
        let kind = match rng.below(10) {
            0..=4 => AppKind::Win32Lob(if rng.chance(80) {
                RunAs::System
            } else {
                RunAs::User
            }),
            5 => AppKind::WinGet(RunAs::User),
            6 => AppKind::WindowsMobileMsi {
                per_machine: rng.chance(70),
            },
            7 => AppKind::WindowsUniversalAppX,
            8 => AppKind::MicrosoftEdge,
            _ => AppKind::Other("iosStoreApp".into()),
        };
        let appx = kind.context_from_assignment();
        let mut assignments = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let target = match rng.below(200) {
                0 => Target::AllDevices,
                1 => Target::AllUsers,
                2..=11 => Target::ExcludedGroup(device_group(&mut rng)),
                12..=111 => Target::Group(device_group(&mut rng)),
                _ => Target::Group(user_group(&mut rng)),
            };
            assignments.push(AppAssignment {
                intent: if rng.chance(85) {
                    Intent::Required
                } else {
                    Intent::Available
                },
                filter: if target.is_exclusion() {
                    None
                } else {
                    filtered(&mut rng, 20)
                },
                target,
                use_device_context: appx && rng.chance(50),
            });
        }
        tenant.apps.push(App {
            id: AppId::new(format!("a{i}")),
            display_name: format!("App {i}"),
            kind,
            assignments,
        });
    }
    for i in 0..PROFILES {
        let mut profile = CustomProfile::new(format!("p{i}"), format!("Profile {i}"));
        // Group-targeted profiles first; the catch-alls (All users, then All devices without
        // virtual machines) at the bottom, as admins order them.
        match i {
            48 => profile.assignments.push(Assignment {
                target: Target::AllUsers,
                filter: filtered(&mut rng, 50),
            }),
            49 => profile.assignments.push(Assignment {
                target: Target::AllDevices,
                filter: Some(AppliedFilter {
                    id: FilterId::new("f-vm"),
                    mode: FilterMode::Exclude,
                }),
            }),
            _ => {
                for _ in 0..1 + rng.below(3) {
                    let target = match rng.below(100) {
                        0..=9 => Target::ExcludedGroup(device_group(&mut rng)),
                        10..=69 => Target::Group(device_group(&mut rng)),
                        _ => Target::Group(user_group(&mut rng)),
                    };
                    profile.assignments.push(Assignment {
                        filter: if target.is_exclusion() {
                            None
                        } else {
                            filtered(&mut rng, 30)
                        },
                        target,
                    });
                }
            }
        }
        if let Progress::Shown(page) = &mut profile.settings {
            page.timeout_minutes = 30 + 15 * rng.below(8) as u32;
            page.quality_updates = rng.chance(50);
            match rng.below(10) {
                0 => page.block = Block::No,
                1..=4 => {
                    page.block = Block::Yes(BlockSettings {
                        allow_reset: true,
                        allow_use: false,
                        apps: BlockingApps::Selected(SelectedApps {
                            ids: (0..1 + rng.below(15))
                                .map(|_| AppId::new(format!("a{}", rng.below(APPS))))
                                .collect(),
                            only_fail_selected_in_technician_phase: rng.chance(30),
                        }),
                    })
                }
                _ => {}
            }
        }
        if rng.chance(5) {
            profile.settings = Progress::Hidden;
        }
        tenant.add_profile(profile).unwrap();
    }
    tenant
}

fn devices() -> Vec<Scenario> {
    let mut rng = Lcg(0xde71ce);
    (0..DEVICES)
        .map(|_| {
            let mode = match rng.below(10) {
                0..=6 => Mode::UserDriven,
                7..=8 => Mode::SelfDeploying,
                _ => Mode::PreProvisioning,
            };
            let join_type = if rng.chance(20) {
                JoinType::Hybrid
            } else {
                JoinType::Entra
            };
            let device_groups = (0..1 + rng.below(6))
                .map(|_| device_group(&mut rng))
                .collect();
            let user = ScenarioUser {
                group_ids: (0..1 + rng.below(6))
                    .map(|_| user_group(&mut rng))
                    .collect(),
            };
            Scenario {
                mode,
                join_type,
                device: ScenarioDevice {
                    group_ids: device_groups,
                    properties: DeviceProperties {
                        model: Some(rng.pick(&MODELS).into()),
                        manufacturer: Some(rng.pick(&MAKERS).into()),
                        os_version: Some(rng.pick(&VERSIONS).into()),
                        operating_system_sku: Some(rng.pick(&SKUS).into()),
                        device_ownership: Some(rng.pick(&OWNERSHIP).into()),
                        enrollment_profile_name: rng
                            .chance(80)
                            .then(|| rng.pick(&AUTOPILOT).into()),
                    },
                },
                user: Some(user),
            }
        })
        .collect()
}

/// The tenant, the devices and the index, built once for every benchmark.
struct Data {
    tenant: Tenant,
    scenarios: Vec<Scenario>,
    index: IndexedTenant,
}

fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        let tenant = tenant();
        let index = IndexedTenant::new(&tenant);
        Data {
            tenant,
            scenarios: devices(),
            index,
        }
    })
}

/// The fleet: 100,000 devices, from prepared scenarios and from the scenarios themselves.
fn fleet<M: Measurement>(c: &mut Criterion<M>, clock: &str) {
    let Data {
        scenarios, index, ..
    } = data();
    let prepared: Vec<_> = scenarios.iter().map(|s| index.prepare(s)).collect();
    let mut group = c.benchmark_group(format!("fleet ({clock})"));
    group.throughput(Throughput::Elements(DEVICES as u64));
    group.bench_function("summarize 100k prepared devices", |b| {
        let mut summarizer = Summarizer::new(index);
        b.iter(|| {
            let mut blocking = 0u64;
            for scenario in &prepared {
                blocking += u64::from(summarizer.summarize(black_box(scenario)).blocking_apps);
            }
            blocking
        })
    });
    group.bench_function("summarize 100k devices from their scenarios", |b| {
        let mut summarizer = Summarizer::new(index);
        b.iter(|| {
            let mut blocking = 0u64;
            for scenario in scenarios {
                blocking += u64::from(
                    summarizer
                        .summarize_scenario(black_box(scenario))
                        .blocking_apps,
                );
            }
            blocking
        })
    });
    group.finish();
}

fn fleet_wall(c: &mut Criterion) {
    fleet(c, "wall clock");
}

fn fleet_cpu(c: &mut Criterion<ThreadCpuTime>) {
    fleet(c, "thread CPU time");
}

/// Building the index, and one full resolution with its trace.
fn single(c: &mut Criterion) {
    let Data {
        tenant,
        scenarios,
        index,
    } = data();
    let mut group = c.benchmark_group("tenant");
    group.throughput(Throughput::Elements(1));
    group.bench_function("index 50 profiles, 5k groups, 2k apps, 200 filters", |b| {
        b.iter_batched(
            || tenant.clone(),
            |t| IndexedTenant::from_tenant(black_box(t)),
            BatchSize::LargeInput,
        )
    });
    group.bench_function(
        "bundle of that tenant (what autosave and export write)",
        |b| b.iter(|| esp_core::graph::export::bundle(black_box(tenant))),
    );
    // What autosave writes to the browser's storage after a change of the tenant.
    let designer = serde_json::json!({ "preview": { "scenarios": [] } });
    group.bench_function("compact save of that tenant (autosave)", |b| {
        b.iter(|| esp_core::save::save_compact(black_box(tenant), &designer, None))
    });
    // What it writes after a change of the designer's sections alone: the tenant as written by
    // the save before.
    let written = esp_core::save::CompactTenant::new(tenant);
    group.bench_function(
        "compact save around that tenant already written (autosave of a section change)",
        |b| b.iter(|| esp_core::save::save_compact_with(black_box(&written), &designer, None)),
    );
    // What the browser does at start-up with that tenant saved: parse and import it.
    let saved = esp_core::save::save_compact(tenant, &serde_json::Value::Null, None);
    group.bench_function("open the compact save of that tenant (start-up)", |b| {
        b.iter(|| esp_core::save::load(black_box(&saved)))
    });
    group.bench_function("full resolve with trace, one device", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % scenarios.len();
            resolve_indexed(index, black_box(&scenarios[i]))
        })
    });
    group.finish();
}

/// The time this thread spent on a CPU (`/proc/thread-self/schedstat`, Linux): on a machine
/// shared with other work, wall-clock time counts the waits for a core, this does not.
struct ThreadCpuTime;

fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

impl Measurement for ThreadCpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &Nanoseconds
    }
}

/// Formats nanoseconds as criterion's wall-clock formatter does, and throughput in elements/s.
struct Nanoseconds;

impl ValueFormatter for Nanoseconds {
    fn scale_values(&self, typical: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = match typical {
            t if t < 1e3 => (1.0, "ns"),
            t if t < 1e6 => (1e3, "µs"),
            t if t < 1e9 => (1e6, "ms"),
            _ => (1e9, "s"),
        };
        values.iter_mut().for_each(|v| *v /= factor);
        unit
    }

    fn scale_throughputs(
        &self,
        typical: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let per = match throughput {
            Throughput::Elements(n) | Throughput::Bytes(n) | Throughput::BytesDecimal(n) => {
                *n as f64
            }
            _ => 1.0,
        };
        let rate = per * 1e9 / typical;
        let (factor, unit) = match rate {
            r if r < 1e3 => (1.0, "elem/s (CPU)"),
            r if r < 1e6 => (1e3, "Kelem/s (CPU)"),
            _ => (1e6, "Melem/s (CPU)"),
        };
        values.iter_mut().for_each(|v| *v = per * 1e9 / *v / factor);
        unit
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

fn config<M: Measurement>(criterion: Criterion<M>) -> Criterion<M> {
    criterion
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = wall;
    config = config(Criterion::default());
    targets = fleet_wall, single
}
criterion_group! {
    name = cpu;
    config = config(Criterion::default().with_measurement(ThreadCpuTime));
    targets = fleet_cpu
}
criterion_main!(wall, cpu);

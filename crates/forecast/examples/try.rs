fn main() {
    let path = std::env::args().nth(1).unwrap();
    let runs: u32 = std::env::args().nth(2).map_or(1000, |r| r.parse().unwrap());
    let text = std::fs::read_to_string(&path).unwrap();
    let s = resettle_forecast::Scenario::parse(&text).unwrap_or_else(|e| panic!("{}", e.in_file(&path)));
    let t = std::time::Instant::now();
    let f = resettle_forecast::forecast(&s, &resettle_forecast::Options { runs, threads: 2, ..Default::default() }, &|_| {}).unwrap();
    eprintln!("{:?}", t.elapsed());
    for p in &f.pledges { println!("{} {} p={:.3} arrivals {:?}", p.label, p.persons, p.p_met, p.arrivals); }
    println!("runs out {:?}", f.runs_out);
    for s in &f.stages { println!("{} out {:?}", s.name, s.runs_out); }
    if let Some(b) = &f.buffer { println!("buffer {} {:?} p={:.3} reached={} monotone={}", b.places, b.per_stage, b.probability, b.reached, b.monotone); for t in &b.tried { println!("  try {:?} {} {:.4}", t.stage, t.places, t.probability); } }
    for e in &f.shocks { println!("{} applied={} {:?}", e.description, e.applied, e.pledges); }
    // yearly arrivals
    let mut by_year = std::collections::BTreeMap::new();
    for (w, d) in f.weeks.iter().enumerate() { by_year.entry(d[..4].to_string()).or_insert((w, w)).1 = w; }
    for (y, (a, b)) in by_year { println!("{y}: cum median {} -> {}", if a > 0 { f.arrived[a-1].median } else { 0 }, f.arrived[b].median); }
}

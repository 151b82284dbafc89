//! What the engine works on and what it answers: the instance as users write it and as the
//! solvers see it, the score model, a programme's distribution plan, the plan under
//! construction, the solution, and the words around it (why a family is where it is, why
//! not every family could be placed), plus the generator of realistic synthetic instances.
pub mod diagnose;
pub mod distribution;
pub mod explain;
pub mod generate;
pub mod instance;
pub mod plan;
pub mod problem;
pub mod score;
pub mod solution;

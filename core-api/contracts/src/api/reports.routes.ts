import { ModuleStatusPathParams, Report, ReportModule, ReportPathParams, SetModuleStatusBody } from '../reports.js';
import { Benchmark, Evolution, EvolutionPathParams, Results, ResultsPathParams, ResultsQuery, Trajectory } from '../results.js';
import { defineRoute } from './route.js';

const tags = ['reports'];

export const getReport = defineRoute({
  operationId: 'getReport',
  method: 'get',
  path: '/api/v1/units/{unit}/years/{year}',
  auth: 'user',
  summary: 'The carbon report of a lab for a year: modules with status and cached totals. Principals: every module; standard users: their modules, totals only where they see the whole module. Units you may not see: 404.',
  tags,
  request: { params: ReportPathParams },
  errors: [403, 404],
  response: { status: 200, description: 'The report', schema: Report },
});

export const setModuleStatus = defineRoute({
  operationId: 'setModuleStatus',
  method: 'post',
  path: '/api/v1/units/{unit}/years/{year}/modules/{module}/status',
  auth: 'user',
  summary: 'Validates (`validated`) or unvalidates (`in_progress`) a module. Principals of the unit only (standard users: 403); the year must be open (422 `year_closed`).',
  tags,
  request: { params: ModuleStatusPathParams, body: SetModuleStatusBody },
  errors: [403, 404, 422],
  response: { status: 200, description: 'The module with its new status', schema: ReportModule },
});

export const getResults = defineRoute({
  operationId: 'getResults',
  method: 'get',
  path: '/api/v1/units/{unit}/years/{year}/results',
  auth: 'user',
  summary: 'Results of a lab for a year: total, per FTE, change vs the previous year, by module, scope and category, additional categories, IT focus. Validated modules only unless `provisional=true`. Principals of the unit; reporting staff (`backoffice.metier`) within their scope and administrators read them (aggregates only); standard users 403.',
  tags,
  request: { params: ResultsPathParams, query: ResultsQuery },
  errors: [403, 404],
  response: { status: 200, description: 'The results', schema: Results },
});

export const getEvolution = defineRoute({
  operationId: 'getEvolution',
  method: 'get',
  path: '/api/v1/units/{unit}/results/evolution',
  auth: 'user',
  summary: 'Validated totals of a lab per year (additional categories excluded). Same readers as the results.',
  tags,
  request: { params: EvolutionPathParams },
  errors: [403, 404],
  response: { status: 200, description: 'Validated totals per year, oldest first', schema: Evolution },
});

export const getTrajectory = defineRoute({
  operationId: 'getTrajectory',
  method: 'get',
  path: '/api/v1/units/{unit}/years/{year}/trajectory',
  auth: 'user',
  summary: 'The lab against each reduction goal of the year configuration: the straight path from the reference year’s validated total to the target, the validated totals on it, and a verdict (on track or not). Same readers as the results.',
  tags,
  request: { params: ResultsPathParams },
  errors: [403, 404],
  response: { status: 200, description: 'One trajectory per goal', schema: Trajectory },
});

export const getBenchmark = defineRoute({
  operationId: 'getBenchmark',
  method: 'get',
  path: '/api/v1/units/{unit}/years/{year}/benchmark',
  auth: 'user',
  summary: 'The lab’s validated t CO2-eq per FTE beside the institution’s average over fully validated labs (no lab identifiable: null under three labs) and the objective of its trajectory. Same readers as the results.',
  tags,
  request: { params: ResultsPathParams },
  errors: [403, 404],
  response: { status: 200, description: 'Per FTE, the institution and the objective', schema: Benchmark },
});

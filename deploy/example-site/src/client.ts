// A small typed client of Sacrum's delivery API. Every type comes from the types generated from the live OpenAPI
// document (npm run types): when the API drops or renames a field this code uses, `tsc --strict` fails.
import type { components, paths } from 'sacrum-api';

type Schemas = components['schemas'];
export type DeliveredExercise = Schemas['DeliveredExercise'];
export type DeliveredCondition = Schemas['DeliveredCondition'];
export type DeliveredWarning = Schemas['DeliveredWarning'];
export type Review = Schemas['Review'];
export type Citation = Schemas['Exercise']['sources'][number];
export type Changes = Schemas['Changes'];
export type Urgency = Schemas['Warning']['urgency'];

type Json<P extends keyof paths> = paths[P]['get'] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
export type ExerciseQuery = NonNullable<paths['/api/v1/exercises']['get']['parameters']['query']>;
export type ConditionQuery = NonNullable<paths['/api/v1/conditions']['get']['parameters']['query']>;
export type EntryQuery = NonNullable<paths['/api/v1/exercises/{slug}']['get']['parameters']['query']>;

/** Refused or absent: the status and the problem+json Sacrum answered. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: unknown) {
    super(`Sacrum answered ${status}: ${JSON.stringify(problem)}`);
  }
}

export class SacrumClient {
  /** base: where Sacrum is, e.g. http://localhost:8080/ (with its context root, if any). */
  constructor(private readonly base: string) {
  }

  exercises(query: ExerciseQuery): Promise<Json<'/api/v1/exercises'>> {
    return this.get('/api/v1/exercises', query);
  }

  exercise(slug: string, query: EntryQuery = {}): Promise<Json<'/api/v1/exercises/{slug}'>> {
    return this.get(`/api/v1/exercises/${encodeURIComponent(slug)}`, query);
  }

  conditions(query: ConditionQuery): Promise<Json<'/api/v1/conditions'>> {
    return this.get('/api/v1/conditions', query);
  }

  condition(slug: string, query: EntryQuery = {}): Promise<Json<'/api/v1/conditions/{slug}'>> {
    return this.get(`/api/v1/conditions/${encodeURIComponent(slug)}`, query);
  }

  warning(slug: string): Promise<Json<'/api/v1/warnings/{slug}'>> {
    return this.get(`/api/v1/warnings/${encodeURIComponent(slug)}`, {});
  }

  changes(since: string, limit = 1000): Promise<Json<'/api/v1/changes'>> {
    return this.get('/api/v1/changes', { since: Number(since), limit });
  }

  private async get<T>(path: string, query: Record<string, string | number | boolean | undefined>): Promise<T> {
    const url = new URL(path.substring(1), this.base);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) {
        url.searchParams.set(name, String(value));
      }
    }
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new ApiError(response.status, await response.json().catch(() => null));
    }
    return (await response.json()) as T;
  }
}

// Great-circle paths for the trips map (pure: no Vue, no ECharts).

export type LonLat = [longitude: number, latitude: number];

const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/**
 * Points along the great circle from `a` to `b` (both included), `steps` segments (spherical linear interpolation).
 * Identical points give the point twice.
 */
export function greatCirclePoints(a: LonLat, b: LonLat, steps = 32): LonLat[] {
  const [λ1, φ1, λ2, φ2] = [rad(a[0]), rad(a[1]), rad(b[0]), rad(b[1])];
  const d = 2 * Math.asin(Math.sqrt(Math.sin((φ2 - φ1) / 2) ** 2 + Math.cos(φ1) * Math.cos(φ2) * Math.sin((λ2 - λ1) / 2) ** 2));
  if (d === 0) return [a, b];
  const points: LonLat[] = [];
  for (let i = 0; i <= steps; i++) {
    const f = i / steps;
    const A = Math.sin((1 - f) * d) / Math.sin(d);
    const B = Math.sin(f * d) / Math.sin(d);
    const x = A * Math.cos(φ1) * Math.cos(λ1) + B * Math.cos(φ2) * Math.cos(λ2);
    const y = A * Math.cos(φ1) * Math.sin(λ1) + B * Math.cos(φ2) * Math.sin(λ2);
    const z = A * Math.sin(φ1) + B * Math.sin(φ2);
    points.push([deg(Math.atan2(y, x)), deg(Math.atan2(z, Math.hypot(x, y)))]);
  }
  return points;
}

/** Splits a path where it crosses the antimeridian (longitude jumps by more than 180°), so no line spans the map. */
export function splitAtAntimeridian(points: readonly LonLat[]): LonLat[][] {
  const parts: LonLat[][] = [];
  let current: LonLat[] = [];
  for (const p of points) {
    const last = current[current.length - 1];
    if (last && Math.abs(p[0] - last[0]) > 180) {
      parts.push(current);
      current = [];
    }
    current.push(p);
  }
  if (current.length) parts.push(current);
  return parts;
}

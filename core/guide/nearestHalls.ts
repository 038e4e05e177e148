import type { Hall } from './Hall';

export interface Position {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine), good to well under a kilometre within a city. */
export function distanceKm(a: Position, b: Position): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Halls nearest first from where the citizen is, each with its distance rounded to 0.1 km; halls
 * without a location keep their list order after those with one.
 */
export function nearestHalls(halls: readonly Hall[], from: Position): Array<{ hall: Hall; distanceKm?: number }> {
  const located = halls
    .filter((h) => h.location)
    .map((hall) => ({ hall, distanceKm: Math.round(distanceKm(from, hall.location!) * 10) / 10 }))
    .sort((a, b) => a.distanceKm - b.distanceKm);
  return [...located, ...halls.filter((h) => !h.location).map((hall) => ({ hall }))];
}

package dev.drivelog.fleet;

import dev.drivelog.score.Score;

/** One trip's score (the same rule as a vehicle's, over the trip's own distance and findings). */
public record TripScore(String input, String vehicleId, String tripId, double startTime, Score score) {}

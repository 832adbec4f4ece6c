#include "match/state_distance.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace drivelog::match {
namespace {

// A fix's error (fix less place) of `east_m`, `north_m` for a fix of sigma `sigma`.
ErrorSample error_of(double east_m, double north_m, double sigma) {
  return ErrorSample{static_cast<float>(east_m / sigma), static_cast<float>(north_m / sigma), 1, 0};
}

TEST(StateDistance, betweenTheFixesLessTheirErrors) {
  // Fixes 10 m apart going east, each 4 m north of its road: the places are 10 m apart; the first
  // fix's place 3 m further east makes them 7 m apart.
  const StepPlaces places(FixStep{10, 0, true}, 10, 5, 5);
  EXPECT_NEAR(StepPlaces::apart_m(places.from(error_of(0, 4, 5)), places.to(error_of(0, 4, 5))), 10, 1e-5);
  EXPECT_NEAR(StepPlaces::apart_m(places.from(error_of(-3, 4, 5)), places.to(error_of(0, 4, 5))), 7, 1e-5);
}

TEST(StateDistance, placesComputedPerStateGiveTheSameDistance) {
  // What the Viterbi step and the path's rebuild use (a place per state, a difference and a square
  // root per pair) against the distance computed from both errors at once, over random steps,
  // sigmas and errors.
  std::mt19937 random(7);
  std::uniform_real_distribution<double> unit(-1, 1);
  for (int n = 0; n < 20000; ++n) {
    const FixStep step{40 * unit(random), 40 * unit(random), true};
    const double sigma_from = 3 + 2 * unit(random), sigma_to = 3 + 2 * unit(random);
    const ErrorSample from = error_of(15 * unit(random), 15 * unit(random), sigma_from);
    const ErrorSample to = error_of(15 * unit(random), 15 * unit(random), sigma_to);
    const StepPlaces places(step, std::hypot(step.east, step.north), sigma_from, sigma_to);
    const double east = step.east - (static_cast<double>(to.east) * sigma_to - static_cast<double>(from.east) * sigma_from);
    const double north =
        step.north - (static_cast<double>(to.north) * sigma_to - static_cast<double>(from.north) * sigma_from);
    const double exact = std::hypot(east, north);
    ASSERT_NEAR(StepPlaces::apart_m(places.from(from), places.to(to)), exact, 1e-9 * (1 + exact)) << n;
  }
}

TEST(StateDistance, twoPlacesOnAStreetBesideASideRoadAreTheirDistanceApart) {
  // Fixes 8 m apart going east, both 7 m south of the street and 3 m north of a side road (a
  // steady bias): two places on the street are 8 m apart, a place on the street and one on the
  // side road sqrt(8^2 + 10^2). To first order about the line between the nearest places (the
  // side road's and the street's, 50 degrees off the street) the street's two came out 5.1 m
  // apart, and the side road won (Matcher.carParkAisleBesideTheStreetNeedsEvidenceToBeDriven).
  const FixStep step{8, 0, true};
  const StepPlaces places(step, 8, 5, 5);
  const ErrorSample street = error_of(0, -7, 5), side = error_of(0, 3, 5);
  EXPECT_NEAR(StepPlaces::apart_m(places.from(street), places.to(street)), 8, 1e-6);
  EXPECT_NEAR(StepPlaces::apart_m(places.from(street), places.to(side)), std::hypot(8.0, 10.0), 1e-6);
  EXPECT_NEAR(StepPlaces::apart_m(places.from(side), places.to(side)), 8, 1e-6);
}

TEST(StateDistance, fixesTooFarApartForTheFlatFrameAreTheirOwnDistanceApart) {
  // A gap (pieces normally break first): whatever the candidates, the fixes' great-circle distance.
  const StepPlaces places(FixStep{}, 6200, 5, 5);
  EXPECT_EQ(StepPlaces::apart_m(places.from(error_of(3, 1, 5)), places.to(error_of(-2, 4, 5))), 6200);
  EXPECT_EQ(StepPlaces::apart_m(places.from(error_of(-9, 0, 5)), places.to(error_of(0, 9, 5))), 6200);
}

}  // namespace
}  // namespace drivelog::match

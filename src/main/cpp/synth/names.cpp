#include "synth/names.hpp"

#include <array>

namespace drivelog::synth {
namespace {

template <size_t N>
const char* any(const std::array<const char*, N>& words, Random& rng) {
  return words[static_cast<size_t>(rng.integer(0, static_cast<int64_t>(N) - 1))];
}

constexpr std::array<const char*, 24> kDeRoots{"Linden", "Eichen", "Birken", "Bahnhof", "Kirch", "Schul", "Mühl",
                                               "Garten", "Wiesen", "Berg", "Tal", "Rosen", "Buchen", "Markt",
                                               "Brunnen", "Feld", "Wald", "Goethe", "Schiller", "Post", "Hafen",
                                               "Sonnen", "Ahorn", "Kastanien"};
constexpr std::array<const char*, 6> kDeSuffixes{"straße", "weg", "gasse", "allee", "ring", "steig"};
constexpr std::array<const char*, 16> kFrNames{"Rue de la Gare", "Rue Victor Hugo", "Avenue Jean Jaurès",
                                               "Rue des Écoles", "Rue du Moulin", "Rue de l'Église",
                                               "Chemin des Vignes", "Rue Pasteur", "Boulevard Gambetta",
                                               "Rue des Lilas", "Impasse des Roses", "Rue du Château",
                                               "Allée des Tilleuls", "Rue de la Paix", "Rue Voltaire",
                                               "Place du Marché"};
constexpr std::array<const char*, 14> kRuRoots{"Ленина", "Мира", "Садовая", "Школьная", "Гагарина", "Советская",
                                               "Лесная", "Полевая", "Набережная", "Пушкина", "Заводская",
                                               "Молодёжная", "Речная", "Центральная"};
constexpr std::array<const char*, 3> kRuKinds{"улица", "переулок", "проспект"};
constexpr std::array<const char*, 18> kGbRoots{"Church", "Station", "Mill", "Park", "Victoria", "Queen's",
                                               "King's", "Manor", "Orchard", "Meadow", "Chapel", "School",
                                               "Willow", "Oak", "Green", "Bridge", "Castle", "London"};
constexpr std::array<const char*, 8> kGbKinds{"Road", "Street", "Lane", "Close", "Avenue", "Way", "Crescent", "Drive"};
constexpr std::array<const char*, 12> kPlaceStems{"Alt", "Neu", "Ober", "Unter", "Hohen", "Nieder", "Lang", "Kirch",
                                                  "Wester", "Oster", "Sonder", "Holz"};
constexpr std::array<const char*, 10> kPlaceEnds{"dorf", "hausen", "heim", "bach", "feld", "stadt", "ingen", "berg",
                                                 "au", "wald"};

}  // namespace

std::string street_name(SpeedStyle style, Random& rng) {
  switch (style) {
    case SpeedStyle::de:
      return std::string(any(kDeRoots, rng)) + any(kDeSuffixes, rng);
    case SpeedStyle::fr:
      return any(kFrNames, rng);
    case SpeedStyle::ru:
      return std::string(any(kRuKinds, rng)) + " " + any(kRuRoots, rng);
    case SpeedStyle::gb_mph:
      return std::string(any(kGbRoots, rng)) + " " + any(kGbKinds, rng);
  }
  return {};
}

std::string place_name(SpeedStyle style, Random& rng) {
  std::string name = std::string(any(kPlaceStems, rng)) + any(kPlaceEnds, rng);
  if (style == SpeedStyle::gb_mph) {
    name += " Green";
  } else if (style == SpeedStyle::fr) {
    name = "Saint-" + name;
  }
  return name;
}

}  // namespace drivelog::synth

package dev.drivelog.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainDecimalTest {
    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, 1.0, -1.0, 0.5, 13.4123456, 1795161900.5, 1795161900.0, 1e7, 9999999.999, 1e-3,
            9.99e-4, 1.0e-5, -2.5e-10, 12345678.0, 1e22, 1e23, 123456789012345680000.0, Double.MIN_VALUE,
            Double.MAX_VALUE, -Double.MAX_VALUE, 4.9e-324, 100.0, 0.1, 1763712000000.0})
    void of_valuesAtTheNotationBoundaries_matchBigDecimalPlain(double value) {
        assertEquals(BigDecimal.valueOf(value).toPlainString(), PlainDecimal.of(value), Double.toString(value));
    }

    @Test
    void of_randomDoublesOfEveryMagnitude_matchBigDecimalPlain() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong()); // any bit pattern
                case 1 -> (random.nextDouble() - 0.5) * 360; // coordinates
                case 2 -> 1.7e9 + random.nextInt(100_000_000) + random.nextInt(1000) / 1000.0; // times
                default -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            };
            if (Double.isFinite(value)) {
                assertEquals(BigDecimal.valueOf(value).toPlainString(), PlainDecimal.of(value), Double.toString(value));
            }
        }
    }
}

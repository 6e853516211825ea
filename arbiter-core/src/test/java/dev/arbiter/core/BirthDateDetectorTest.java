package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BirthDateDetectorTest {
    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '`',
            value = {
                "DOB: 12/03/1985 => 12/03/1985",
                "d.o.b. 03-12-85 => 03-12-85",
                "Date of birth: 1985-03-12 => 1985-03-12",
                "She was born on 2/8/1935. Her maiden name => 2/8/1935",
                "born on March 3, 1990 => March 3, 1990",
                "birthday is 3rd of March 1990 => 3rd of March 1990",
                "\"dob\": \"1990-07-04\" => 1990-07-04"
            })
    void finds_labelledDates(String text, String date) {
        assertThat(Scans.found(FindingType.DATE_OF_BIRTH, text)).containsExactly(date);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "meeting on 12/03/2025", // no label
                "DOB: 13/13/1985", // no such month
                "DOB: 12/03/1785", // no plausible year
                "born in 1985", // a year is not a date
                "dob is unknown, next review 12/03/2030 was set a long while after that"
            })
    void ignores_unlabelledOrInvalidDates(String text) {
        assertThat(Scans.found(FindingType.DATE_OF_BIRTH, text)).isEmpty();
    }
}

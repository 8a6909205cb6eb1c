//! Arabic as matching sees it: what spelling varies on (hamza and madda on alef, ى/ي, ة/ه, ؤ,
//! ئ, tatweel, diacritics, Arabic-Indic digits, Latin case) is normalised away. The bottom
//! layer: extraction and search both compare words this way.

/// The normalised form of one char, or `None` when it is dropped (diacritics, tatweel).
pub fn norm_char(c: char) -> Option<char> {
    Some(match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ئ' => 'ي',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        c if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
        c => c,
    })
}

/// Normalises a phrase (as words, names and triggers are compared).
pub fn norm(s: &str) -> String {
    s.chars().filter_map(norm_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_variants_meet() {
        assert_eq!(norm("إلى"), norm("الي"));
        assert_eq!(norm("مُحَمَّد"), "محمد");
        assert_eq!(norm("٢٠٢٠"), "2020");
    }
}

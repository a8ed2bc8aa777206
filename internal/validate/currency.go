package validate

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

var currencyPattern = regexp.MustCompile(`^[A-Za-z]{3}$`)

// CurrencyCode accepts a three-letter ISO 4217 code in either case.
func CurrencyCode() validator.String {
	return stringvalidator.RegexMatches(currencyPattern, "must be a three-letter currency code such as USD or EUR")
}

// ExchangeRates checks a map of currency codes to positive rates.
func ExchangeRates() []validator.Map {
	return []validator.Map{
		mapvalidator.KeysAre(CurrencyCode()),
		mapvalidator.ValueFloat64sAre(float64validator.AtLeast(0.000001)),
	}
}

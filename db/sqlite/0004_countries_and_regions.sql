-- UN M49 regions and sub-regions, and ISO 3166-1 countries with the M49 sub-region each belongs to.
CREATE TABLE region (
    code TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    parent_code TEXT NULL REFERENCES region (code)
);
CREATE TABLE country (
    code TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    region_code TEXT NOT NULL REFERENCES region (code)
);
CREATE INDEX ix_country_region ON country (region_code);

-- The Data Protection key ring (it protects sign-in cookies, antiforgery tokens and Identity's tokens) lives in the
-- database every instance shares, so that a cookie issued by one instance is read by another and survives restarts
-- and moves between machines (a backup restores it too). Read and written by EF Core: names as it expects them.
CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

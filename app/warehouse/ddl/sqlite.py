"""Blank Warehouse database schema 3.07 for SQLite (schema doc §4.1).

Reconstructed from the names and types of Warehouse Open's ``Blank_307.sql`` (S1); verified by the
schema doc's author against the original script.  ``TABLES`` creates the tables and indexes, ``SEED``
inserts the rows of an empty database.  Kept as Python strings so they ship inside the package.
"""

TABLES = """\
-- Reconstructed Warehouse (Pro/Open) schema 3.07 for SQLite. Names/types follow
-- shturm/warehouse Warehouse.Data/SQLite/Scripts/Blank_307.sql; text is my own.

CREATE TABLE `applicationlog` (
  `ID`            INTEGER PRIMARY KEY AUTOINCREMENT,
  `Message`       VARCHAR(255),
  `UserID`        INTEGER NOT NULL,
  `UserRealTime`  DATETIME,
  `MessageSource` VARCHAR(50)
);
CREATE INDEX `applicationlog_UserID_idx` ON `applicationlog` (`UserID`);

CREATE TABLE `cashbook` (
  `ID`           INTEGER PRIMARY KEY AUTOINCREMENT,
  `Date`         DATETIME,
  `Desc`         VARCHAR(255),
  `OperType`     INTEGER,
  `Sign`         INTEGER,
  `Profit`       DOUBLE,
  `UserID`       INTEGER,
  `UserRealtime` DATETIME,
  `ObjectID`     INTEGER
);
CREATE INDEX `cashbook_Date_idx`     ON `cashbook` (`Date`);
CREATE INDEX `cashbook_OperType_idx` ON `cashbook` (`OperType`);
CREATE INDEX `cashbook_UserID_idx`   ON `cashbook` (`UserID`);
CREATE INDEX `cashbook_ObjectID_idx` ON `cashbook` (`ObjectID`);

CREATE TABLE `configuration` (
  `ID`     INTEGER PRIMARY KEY AUTOINCREMENT,
  `Key`    VARCHAR(50),
  `Value`  VARCHAR(50),
  `UserID` INTEGER
);
CREATE INDEX `configuration_Key_idx`    ON `configuration` (`Key`);
CREATE INDEX `configuration_UserID_idx` ON `configuration` (`UserID`);

CREATE TABLE `currencies` (
  `ID`           INTEGER PRIMARY KEY AUTOINCREMENT,
  `Currency`     VARCHAR(3),
  `Description`  VARCHAR(255),
  `ExchangeRate` DOUBLE,
  `Deleted`      INTEGER
);

CREATE TABLE `currencieshistory` (
  `ID`           INTEGER PRIMARY KEY AUTOINCREMENT,
  `CurrencyID`   INTEGER,
  `ExchangeRate` DOUBLE,
  `Date`         DATETIME,
  `UserID`       INTEGER
);
CREATE INDEX `currencieshistory_CurrencyID_idx` ON `currencieshistory` (`CurrencyID`);
CREATE INDEX `currencieshistory_UserID_idx`     ON `currencieshistory` (`UserID`);

CREATE TABLE `documents` (
  `ID`                    INTEGER PRIMARY KEY AUTOINCREMENT,
  `Acct`                  INTEGER NOT NULL,
  `InvoiceNumber`         VARCHAR(255) NOT NULL,
  `OperType`              INTEGER NOT NULL,
  `InvoiceDate`           DATETIME,
  `DocumentType`          INTEGER,
  `ExternalInvoiceDate`   DATETIME,
  `ExternalInvoiceNumber` VARCHAR(255),
  `PaymentType`           INTEGER,
  `Recipient`             VARCHAR(255),
  `EGN`                   VARCHAR(255),
  `Provider`              VARCHAR(255),
  `TaxDate`               DATETIME,
  `Reason`                VARCHAR(255),
  `Description`           VARCHAR(255),
  `Place`                 VARCHAR(255),
  UNIQUE (`Acct`, `InvoiceNumber`, `OperType`) ON CONFLICT REPLACE
);
CREATE INDEX `documents_Acct_idx`          ON `documents` (`Acct`);
CREATE INDEX `documents_InvoiceNumber_idx` ON `documents` (`InvoiceNumber`);
CREATE INDEX `documents_OperType_idx`      ON `documents` (`OperType`);
CREATE INDEX `documents_Recipient_idx`     ON `documents` (`Recipient`);

CREATE TABLE `ecrreceipts` (
  `ID`           INTEGER PRIMARY KEY AUTOINCREMENT,
  `OperType`     INTEGER,
  `Acct`         INTEGER,
  `ReceiptID`    INTEGER,
  `ReceiptDate`  DATETIME,
  `ReceiptType`  INTEGER,
  `ECRID`        VARCHAR(255),
  `Description`  VARCHAR(255),
  `Total`        DOUBLE,
  `UserID`       INTEGER,
  `UserRealTime` DATETIME
);
CREATE INDEX `ecrreceipts_OperType_idx`    ON `ecrreceipts` (`OperType`);
CREATE INDEX `ecrreceipts_Acct_idx`        ON `ecrreceipts` (`Acct`);
CREATE INDEX `ecrreceipts_ReceiptID_idx`   ON `ecrreceipts` (`ReceiptID`);
CREATE INDEX `ecrreceipts_ReceiptType_idx` ON `ecrreceipts` (`ReceiptType`);
CREATE INDEX `ecrreceipts_ECRID_idx`       ON `ecrreceipts` (`ECRID`);
CREATE INDEX `ecrreceipts_UserID_idx`      ON `ecrreceipts` (`UserID`);

CREATE TABLE `goods` (
  `ID`          INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code`        VARCHAR(255),
  `BarCode1`    VARCHAR(255),
  `BarCode2`    VARCHAR(255),
  `BarCode3`    VARCHAR(255),
  `Catalog1`    VARCHAR(255),
  `Catalog2`    VARCHAR(255),
  `Catalog3`    VARCHAR(255),
  `Name`        VARCHAR(255),
  `Name2`       VARCHAR(255),
  `Measure1`    VARCHAR(255),
  `Measure2`    VARCHAR(255),
  `Ratio`       DOUBLE,
  `PriceIn`     DOUBLE,
  `PriceOut1`   DOUBLE,
  `PriceOut2`   DOUBLE,
  `PriceOut3`   DOUBLE,
  `PriceOut4`   DOUBLE,
  `PriceOut5`   DOUBLE,
  `PriceOut6`   DOUBLE,
  `PriceOut7`   DOUBLE,
  `PriceOut8`   DOUBLE,
  `PriceOut9`   DOUBLE,
  `PriceOut10`  DOUBLE,
  `MinQtty`     DOUBLE,
  `NormalQtty`  DOUBLE,
  `Description` VARCHAR(255),
  `Type`        INTEGER,
  `IsRecipe`    INTEGER,
  `TaxGroup`    INTEGER,
  `IsVeryUsed`  INTEGER,
  `GroupID`     INTEGER,
  `Deleted`     INTEGER
);
CREATE INDEX `goods_Code_idx`     ON `goods` (`Code`);
CREATE INDEX `goods_BarCode1_idx` ON `goods` (`BarCode1`);
CREATE INDEX `goods_BarCode2_idx` ON `goods` (`BarCode2`);
CREATE INDEX `goods_BarCode3_idx` ON `goods` (`BarCode3`);
CREATE INDEX `goods_Catalog1_idx` ON `goods` (`Catalog1`);
CREATE INDEX `goods_Catalog2_idx` ON `goods` (`Catalog2`);
CREATE INDEX `goods_Catalog3_idx` ON `goods` (`Catalog3`);
CREATE INDEX `goods_Name_idx`     ON `goods` (`Name`);
CREATE INDEX `goods_Name2_idx`    ON `goods` (`Name2`);
CREATE INDEX `goods_GroupID_idx`  ON `goods` (`GroupID`);

CREATE TABLE `goodsgroups` (
  `ID`   INTEGER PRIMARY KEY AUTOINCREMENT,
  `Name` VARCHAR(255),
  `Code` VARCHAR(255)
);
CREATE INDEX `goodsgroups_Code_idx` ON `goodsgroups` (`Code`);

CREATE TABLE `internallog` (
  `ID`      INTEGER PRIMARY KEY AUTOINCREMENT,
  `Message` VARCHAR(3000)
);

CREATE TABLE `lots` (
  `ID`             INTEGER PRIMARY KEY AUTOINCREMENT,
  `SerialNo`       VARCHAR(255),
  `EndDate`        DATETIME,
  `ProductionDate` DATETIME,
  `Location`       VARCHAR(255)
);
CREATE INDEX `lots_SerialNo_idx` ON `lots` (`SerialNo`);
CREATE INDEX `lots_EndDate_idx`  ON `lots` (`EndDate`);

CREATE TABLE `network` (
  `Num`     INTEGER NOT NULL PRIMARY KEY,
  `Counter` INTEGER
);

CREATE TABLE `nextacct` (
  `NextAcct` VARCHAR(50) NOT NULL PRIMARY KEY
);

CREATE TABLE `objects` (
  `ID`         INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code`       VARCHAR(255),
  `Name`       VARCHAR(255),
  `Name2`      VARCHAR(255),
  `PriceGroup` INTEGER,
  `IsVeryUsed` INTEGER,
  `GroupID`    INTEGER,
  `Deleted`    INTEGER
);
CREATE INDEX `objects_Code_idx`    ON `objects` (`Code`);
CREATE INDEX `objects_Name_idx`    ON `objects` (`Name`);
CREATE INDEX `objects_Name2_idx`   ON `objects` (`Name2`);
CREATE INDEX `objects_GroupID_idx` ON `objects` (`GroupID`);

CREATE TABLE `objectsgroups` (
  `ID`   INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code` VARCHAR(255),
  `Name` VARCHAR(255)
);
CREATE INDEX `objectsgroups_Code_idx` ON `objectsgroups` (`Code`);

CREATE TABLE `operations` (
  `ID`           INTEGER PRIMARY KEY AUTOINCREMENT,
  `OperType`     INTEGER,
  `Acct`         INTEGER,
  `GoodID`       INTEGER,
  `PartnerID`    INTEGER,
  `ObjectID`     INTEGER,
  `OperatorID`   INTEGER,
  `Qtty`         DOUBLE,
  `Sign`         INTEGER,
  `PriceIn`      DOUBLE,
  `PriceOut`     DOUBLE,
  `VATIn`        DOUBLE,
  `VATOut`       DOUBLE,
  `Discount`     DOUBLE,
  `CurrencyID`   INTEGER,
  `CurrencyRate` DOUBLE,
  `Date`         DATETIME,
  `Lot`          VARCHAR(50),
  `LotID`        INTEGER,
  `Note`         VARCHAR(255),
  `SrcDocID`     INTEGER,
  `UserID`       INTEGER,
  `UserRealTime` DATETIME
);
CREATE INDEX `operations_OperType_idx`     ON `operations` (`OperType`);
CREATE INDEX `operations_Acct_idx`         ON `operations` (`Acct`);
CREATE INDEX `operations_OperTypeAcct_idx` ON `operations` (`OperType`, `Acct`);
CREATE INDEX `operations_GoodID_idx`       ON `operations` (`GoodID`);
CREATE INDEX `operations_PartnerID_idx`    ON `operations` (`PartnerID`);
CREATE INDEX `operations_ObjectID_idx`     ON `operations` (`ObjectID`);
CREATE INDEX `operations_OperatorID_idx`   ON `operations` (`OperatorID`);
CREATE INDEX `operations_CurrencyID_idx`   ON `operations` (`CurrencyID`);
CREATE INDEX `operations_Date_idx`         ON `operations` (`Date`);
CREATE INDEX `operations_Lot_idx`          ON `operations` (`Lot`);
CREATE INDEX `operations_LotID_idx`        ON `operations` (`LotID`);
CREATE INDEX `operations_SrcDocID_idx`     ON `operations` (`SrcDocID`);
CREATE INDEX `operations_UserID_idx`       ON `operations` (`UserID`);
-- added later by the program itself ("EnsureVersion1", patch 1.14.9.3):
CREATE INDEX `OperTypeAcct_idx`             ON `operations` (`OperType`, `ObjectID`, `Acct`);
CREATE INDEX `AveragePriceCalculation_idx`  ON `operations` (`GoodID`, `OperType`, `Qtty`, `Sign`, `PriceIn`);
CREATE INDEX `AveragePriceCalculation1_idx` ON `operations` (`GoodID`, `PriceIn`);

CREATE TABLE `operationtype` (
  `ID` INTEGER PRIMARY KEY AUTOINCREMENT,
  `BG` VARCHAR(255), `EN` VARCHAR(255), `DE` VARCHAR(255), `RU` VARCHAR(255),
  `TR` VARCHAR(255), `SQ` VARCHAR(255), `SR` VARCHAR(255), `RO` VARCHAR(255),
  `GR` VARCHAR(255)
);

CREATE TABLE `partners` (
  `ID`           INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code`         VARCHAR(255),
  `Company`      VARCHAR(255),
  `Company2`     VARCHAR(255),
  `MOL`          VARCHAR(255),
  `MOL2`         VARCHAR(255),
  `City`         VARCHAR(255),
  `City2`        VARCHAR(255),
  `Address`      VARCHAR(255),
  `Address2`     VARCHAR(255),
  `Phone`        VARCHAR(255),
  `Phone2`       VARCHAR(255),
  `Fax`          VARCHAR(255),
  `eMail`        VARCHAR(255),
  `TaxNo`        VARCHAR(255),
  `Bulstat`      VARCHAR(255),
  `BankName`     VARCHAR(255),
  `BankCode`     VARCHAR(255),
  `BankAcct`     VARCHAR(255),
  `BankVATName`  VARCHAR(255),
  `BankVATCode`  VARCHAR(255),
  `BankVATAcct`  VARCHAR(255),
  `PriceGroup`   INTEGER DEFAULT 1,
  `Discount`     DOUBLE,
  `Type`         INTEGER,
  `IsVeryUsed`   INTEGER,
  `UserID`       INTEGER,
  `GroupID`      INTEGER,
  `UserRealTime` DATETIME,
  `Deleted`      INTEGER,
  `CardNumber`   VARCHAR(255),
  `Note1`        VARCHAR(255),
  `Note2`        VARCHAR(255),
  `PaymentDays`  INTEGER
);
CREATE INDEX `partners_Code_idx`        ON `partners` (`Code`);
CREATE INDEX `partners_Company_idx`     ON `partners` (`Company`);
CREATE INDEX `partners_MOL_idx`         ON `partners` (`MOL`);
CREATE INDEX `partners_TaxNo_idx`       ON `partners` (`TaxNo`);
CREATE INDEX `partners_Bulstat_idx`     ON `partners` (`Bulstat`);
CREATE INDEX `partners_BankCode_idx`    ON `partners` (`BankCode`);
CREATE INDEX `partners_BankVATCode_idx` ON `partners` (`BankVATCode`);
CREATE INDEX `partners_UserID_idx`      ON `partners` (`UserID`);
CREATE INDEX `partners_GroupID_idx`     ON `partners` (`GroupID`);

CREATE TABLE `partnersgroups` (
  `ID`   INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code` VARCHAR(255),
  `Name` VARCHAR(255)
);
CREATE INDEX `partnersgroups_Code_idx` ON `partnersgroups` (`Code`);

CREATE TABLE `payments` (
  `ID`                INTEGER PRIMARY KEY AUTOINCREMENT,
  `Acct`              DOUBLE,
  `OperType`          INTEGER,
  `PartnerID`         INTEGER,
  `ObjectID`          INTEGER,
  `Qtty`              DOUBLE,
  `Mode`              INTEGER,
  `Sign`              INTEGER,
  `Date`              DATETIME,
  `UserID`            INTEGER,
  `UserRealTime`      DATETIME,
  `Type`              INTEGER,
  `TransactionNumber` VARCHAR(255),
  `EndDate`           DATETIME
);
CREATE INDEX `payments_Acct_idx`      ON `payments` (`Acct`);
CREATE INDEX `payments_OperType_idx`  ON `payments` (`OperType`);
CREATE INDEX `payments_PartnerID_idx` ON `payments` (`PartnerID`);
CREATE INDEX `payments_ObjectID_idx`  ON `payments` (`ObjectID`);
CREATE INDEX `payments_Date_idx`      ON `payments` (`Date`);
CREATE INDEX `payments_UserID_idx`    ON `payments` (`UserID`);
CREATE INDEX `payments_EndDate_idx`   ON `payments` (`EndDate`);

CREATE TABLE `paymenttypes` (
  `ID`            INTEGER PRIMARY KEY AUTOINCREMENT,
  `Name`          VARCHAR(255),
  `PaymentMethod` INTEGER
);

CREATE TABLE `pricerules` (
  `ID`       INTEGER PRIMARY KEY AUTOINCREMENT,
  `Name`     VARCHAR(255),
  `Formula`  VARCHAR(1000),
  `Enabled`  INTEGER,
  `Priority` INTEGER
);
CREATE INDEX `pricerules_Name_idx`    ON `pricerules` (`Name`);
CREATE INDEX `pricerules_Formula_idx` ON `pricerules` (`Formula`);

CREATE TABLE `registration` (
  `ID`           INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code`         VARCHAR(255),
  `Company`      VARCHAR(255),
  `MOL`          VARCHAR(255),
  `City`         VARCHAR(255),
  `Address`      VARCHAR(255),
  `Phone`        VARCHAR(255),
  `Fax`          VARCHAR(255),
  `eMail`        VARCHAR(255),
  `TaxNo`        VARCHAR(255),
  `Bulstat`      VARCHAR(255),
  `BankName`     VARCHAR(255),
  `BankCode`     VARCHAR(255),
  `BankAcct`     VARCHAR(255),
  `BankVATAcct`  VARCHAR(255),
  `UserID`       INTEGER,
  `UserRealTime` DATETIME,
  `IsDefault`    INTEGER,
  `Note1`        VARCHAR(255),
  `Note2`        VARCHAR(255),
  `Deleted`      INTEGER
);
CREATE INDEX `registration_Code_idx`     ON `registration` (`Code`);
CREATE INDEX `registration_Company_idx`  ON `registration` (`Company`);
CREATE INDEX `registration_MOL_idx`      ON `registration` (`MOL`);
CREATE INDEX `registration_TaxNo_idx`    ON `registration` (`TaxNo`);
CREATE INDEX `registration_Bulstat_idx`  ON `registration` (`Bulstat`);
CREATE INDEX `registration_BankCode_idx` ON `registration` (`BankCode`);
CREATE INDEX `registration_UserID_idx`   ON `registration` (`UserID`);

CREATE TABLE `store` (
  `ID`       INTEGER PRIMARY KEY AUTOINCREMENT,
  `ObjectID` INTEGER,
  `GoodID`   INTEGER,
  `Qtty`     DOUBLE,
  `Price`    DOUBLE,
  `Lot`      VARCHAR(250),
  `LotID`    INTEGER,
  `LotOrder` INTEGER
);
CREATE INDEX `store_GoodID_idx`   ON `store` (`GoodID`);
CREATE INDEX `store_ObjectID_idx` ON `store` (`ObjectID`);
CREATE INDEX `store_Lot_idx`      ON `store` (`Lot`);
CREATE INDEX `store_LotID_idx`    ON `store` (`LotID`);

CREATE TABLE `system` (
  `Version`    VARCHAR(20) NOT NULL PRIMARY KEY,
  `ProductID`  INTEGER,
  `LastBackup` DATETIME
);

CREATE TABLE `transformations` (
  `ID`           INTEGER PRIMARY KEY AUTOINCREMENT,
  `RootOperType` INTEGER,
  `RootAcct`     INTEGER,
  `FromOperType` INTEGER,
  `FromAcct`     INTEGER,
  `ToOperType`   INTEGER,
  `ToAcct`       INTEGER,
  `UserID`       INTEGER,
  `UserRealTime` DATETIME
);
CREATE INDEX `transformations_RootOperType_idx` ON `transformations` (`RootOperType`);
CREATE INDEX `transformations_RootAcct_idx`     ON `transformations` (`RootAcct`);
CREATE INDEX `transformations_FromOperType_idx` ON `transformations` (`FromOperType`);
CREATE INDEX `transformations_FromAcct_idx`     ON `transformations` (`FromAcct`);
CREATE INDEX `transformations_ToOperType_idx`   ON `transformations` (`ToOperType`);
CREATE INDEX `transformations_ToAcct_idx`       ON `transformations` (`ToAcct`);
CREATE INDEX `transformations_UserID_idx`       ON `transformations` (`UserID`);

CREATE TABLE `users` (
  `ID`         INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code`       VARCHAR(255),
  `Name`       VARCHAR(255),
  `Name2`      VARCHAR(255),
  `IsVeryUsed` INTEGER,
  `GroupID`    INTEGER,
  `Password`   VARCHAR(50),
  `UserLevel`  INTEGER,
  `Deleted`    INTEGER,
  `CardNumber` VARCHAR(255)
);
CREATE INDEX `users_Code_idx`    ON `users` (`Code`);
CREATE INDEX `users_Name_idx`    ON `users` (`Name`);
CREATE INDEX `users_Name2_idx`   ON `users` (`Name2`);
CREATE INDEX `users_GroupID_idx` ON `users` (`GroupID`);

CREATE TABLE `usersgroups` (
  `ID`   INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code` VARCHAR(255),
  `Name` VARCHAR(255)
);
CREATE INDEX `usersgroups_Code_idx` ON `usersgroups` (`Code`);

CREATE TABLE `userssecurity` (
  `ID`          INTEGER PRIMARY KEY AUTOINCREMENT,
  `UserID`      INTEGER,
  `ControlName` VARCHAR(100),
  `State`       INTEGER
);
CREATE INDEX `userssecurity_UserID_idx`      ON `userssecurity` (`UserID`);
CREATE INDEX `userssecurity_ControlName_idx` ON `userssecurity` (`ControlName`);

CREATE TABLE `vatgroups` (
  `ID`       INTEGER PRIMARY KEY AUTOINCREMENT,
  `Code`     VARCHAR(255),
  `Name`     VARCHAR(255),
  `VATValue` DOUBLE
);
CREATE INDEX `vatgroups_Code_idx` ON `vatgroups` (`Code`);
CREATE INDEX `vatgroups_Name_idx` ON `vatgroups` (`Name`);

CREATE TABLE `customconfig` (
  `ID`       INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  `Category` TEXT NOT NULL,
  `Profile`  TEXT NOT NULL,
  `Data`     BLOB
);
"""

SEED = """\
INSERT INTO `system`        VALUES ('3.07', 1, NULL);
INSERT INTO `network`       VALUES (0, 0);
INSERT INTO `currencies`    VALUES (1, 'BGN', 'Български лев', 1, 0);
INSERT INTO `goodsgroups`   VALUES (1, 'Служебна група', '-1');
INSERT INTO `objectsgroups` VALUES (1, '-1', 'Служебна група');
INSERT INTO `partnersgroups`VALUES (1, '-1', 'Служебна група');
INSERT INTO `usersgroups`   VALUES (1, '-1', 'Служебна група');
INSERT INTO `vatgroups`     VALUES (1, '1', 'Основна ДДС група', 20);
INSERT INTO `lots`          VALUES (1, ' ', NULL, NULL, ' ');
INSERT INTO `goods` VALUES (1, ' ', ' ', ' ', ' ', ' ', ' ', ' ', 'Служебна стока', 'Служебна стока',
  'бр.', 'бр.', 1, 0, 0,0,0,0,0,0,0,0,0,0, 0, 0, ' ', 0, 0, 1, 1, -1, 0);
INSERT INTO `objects` VALUES (1, ' ', 'Служебен обект', 'Служебен обект', 1, 1, -1, 0);
INSERT INTO `partners` VALUES (1, ' ', 'Служебен партньор', 'Служебен партньор',
  ' ',' ',' ',' ',' ',' ',' ',' ',' ',' ',' ',' ',' ',' ',' ',' ',' ',' ',
  1, 0, 0, -2, 1, -1, NULL, 0, ' ', ' ', ' ', 0);
INSERT INTO `users` VALUES (1, ' ', 'Служебен потребител', 'Служебен потребител', 1, -1,
  'YsAB16V90Bs=', 3, 0, ' ');
INSERT INTO `registration` VALUES (1, ' ', 'Служебна фирма', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ',
  ' ', ' ', ' ', ' ', 1, NULL, -1, ' ', ' ', 0);
INSERT INTO `store` VALUES (1, 1, 1, 0, 0, ' ', 1, 1);
INSERT INTO `paymenttypes` VALUES (1, 'Плащане в брой', 1), (2, 'Превод по сметка', 2),
  (3, 'Дебитна/Кредитна карта', 3), (4, 'Плащане чрез ваучер', 4);
INSERT INTO `operationtype` (`ID`, `BG`, `EN`) VALUES
 (1,'Доставка','Purchase'), (2,'Продажба','Sale'), (3,'Брак','Waste'), (4,'Ревизия','Stock-taking'),
 (5,'Производство','Production'), (6,'Производство','Production'), (7,'Трансфер','Transfer'),
 (8,'Трансфер','Transfer'), (9,'Търговски обект','Point of Sale'), (10,'Търговски екран','Touch Screen'),
 (11,'Изписване','Write-off'), (12,'Заявка','Request'), (13,'Оферта','Offer'),
 (14,'Проформа','Proform Invoice'), (15,'Даване на консигнация','Consign'),
 (16,'Отчитане на консигнация','Sales on consignment'), (17,'Връщане на консигнация','Return consignment'),
 (18,'Доставка на консигнация','Purchase on consignment'), (19,'Поръчка','Order'),
 (20,'Суровина','Raw material'), (21,'Продукт','Product'), (22,'Суровина','Raw material'),
 (23,'Продукт','Product'), (24,'Сложно производство','Complex Production'),
 (25,'Сложно производство','Complex Production'), (26,'Дебитно известие','Debit Note'),
 (27,'Кредитно известие','Credit Note'), (28,'Гаранционна карта','Warranty Card'),
 (29,'Амбалажна суровина','Packing raw material'), (30,'Амбалажен продукт','Packing product'),
 (31,'Даване на амбалаж','Packing give'), (32,'Връщане на амбалаж','Packing return'),
 (33,'Поръчка - ресторант','Order - restaurant'), (34,'Рекламация','Refund'),
 (35,'Резервация','Booking'), (36,'Авансово плащане','Advance payment'),
 (37,'Дебитно известие от доставчик','Debit Note by supplier'),
 (38,'Кредитно известие от доставчик','Credit Note by supplier'),
 (39,'Рекламация към доставчик','Refund to supplier');
INSERT INTO `configuration` (`Key`, `Value`, `UserID`) VALUES ('WAPatchVersion', '1.14.9.3', -100);
"""

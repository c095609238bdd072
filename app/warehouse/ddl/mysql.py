"""Blank Warehouse database schema 3.07 for MySQL/MariaDB (schema doc §4.2).

Reconstructed from the names and types of Warehouse Open's ``Blank_307.sql`` (S1); verified by the
schema doc's author against the original script.  ``TABLES`` creates the tables and indexes, ``SEED``
inserts the rows of an empty database.  Kept as Python strings so they ship inside the package.
"""

TABLES = """\
-- Reconstructed Warehouse (Pro/Open) schema 3.07 for MySQL/MariaDB. Names/types follow
-- shturm/warehouse Warehouse.Data/MySQL/Scripts/Blank_307.sql; text is my own.

CREATE TABLE `applicationlog` (
  `ID`            INT NOT NULL AUTO_INCREMENT,
  `Message`       VARCHAR(255),
  `UserID`        INT DEFAULT 0,
  `UserRealTime`  DATETIME,
  `MessageSource` VARCHAR(50),
  PRIMARY KEY (`ID`), KEY (`UserID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `cashbook` (
  `ID`           INT NOT NULL AUTO_INCREMENT,
  `Date`         DATETIME,
  `Desc`         VARCHAR(255),
  `OperType`     INT DEFAULT 0,
  `Sign`         INT DEFAULT 0,
  `Profit`       DOUBLE NULL DEFAULT 0,
  `UserID`       INT DEFAULT 0,
  `UserRealtime` DATETIME,
  `ObjectID`     INT DEFAULT 0,
  PRIMARY KEY (`ID`), KEY (`Date`), KEY (`OperType`), KEY (`UserID`), KEY (`ObjectID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `configuration` (
  `ID`     INT NOT NULL AUTO_INCREMENT,
  `Key`    VARCHAR(50),
  `Value`  VARCHAR(50),
  `UserID` INT DEFAULT 0,
  PRIMARY KEY (`ID`), KEY (`Key`), KEY (`UserID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `currencies` (
  `ID`           INT NOT NULL AUTO_INCREMENT,
  `Currency`     VARCHAR(3),
  `Description`  VARCHAR(255),
  `ExchangeRate` DOUBLE NULL DEFAULT 0,
  `Deleted`      INT DEFAULT 0,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `currencieshistory` (
  `ID`           INT NOT NULL AUTO_INCREMENT,
  `CurrencyID`   INT DEFAULT 0,
  `ExchangeRate` DOUBLE NULL DEFAULT 0,
  `Date`         DATETIME,
  `UserID`       INT DEFAULT 0,
  PRIMARY KEY (`ID`), KEY (`CurrencyID`), KEY (`UserID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `documents` (
  `ID`                    INT AUTO_INCREMENT,
  `Acct`                  INT NOT NULL DEFAULT 0,
  `InvoiceNumber`         VARCHAR(255) NOT NULL,
  `OperType`              INT NOT NULL DEFAULT 0,
  `InvoiceDate`           DATETIME,
  `DocumentType`          INT DEFAULT 0,
  `ExternalInvoiceDate`   DATETIME,
  `ExternalInvoiceNumber` VARCHAR(255),
  `PaymentType`           INT DEFAULT 0,
  `Recipient`             VARCHAR(255),
  `EGN`                   VARCHAR(255),
  `Provider`              VARCHAR(255),
  `TaxDate`               DATETIME,
  `Reason`                VARCHAR(255),
  `Description`           VARCHAR(255),
  `Place`                 VARCHAR(255),
  PRIMARY KEY (`Acct`, `InvoiceNumber`(190), `OperType`),
  KEY (`ID`), KEY (`Acct`), KEY (`InvoiceNumber`(190)), KEY (`OperType`), KEY (`Recipient`(190))
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `ecrreceipts` (
  `ID`           INT NOT NULL AUTO_INCREMENT,
  `OperType`     INT DEFAULT 0,
  `Acct`         INT DEFAULT 0,
  `ReceiptID`    INT DEFAULT 0,
  `ReceiptDate`  DATETIME,
  `ReceiptType`  INT DEFAULT 0,
  `ECRID`        VARCHAR(255),
  `Description`  VARCHAR(255),
  `Total`        DOUBLE,
  `UserID`       INT DEFAULT 0,
  `UserRealTime` DATETIME,
  PRIMARY KEY (`ID`), KEY (`OperType`), KEY (`Acct`), KEY (`ReceiptID`), KEY (`ReceiptType`),
  KEY (`ECRID`), KEY (`UserID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `goods` (
  `ID`          INT NOT NULL AUTO_INCREMENT,
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
  `Ratio`       DOUBLE NULL DEFAULT 0,
  `PriceIn`     DOUBLE NULL DEFAULT 0,
  `PriceOut1`   DOUBLE NULL DEFAULT 0,
  `PriceOut2`   DOUBLE NULL DEFAULT 0,
  `PriceOut3`   DOUBLE NULL DEFAULT 0,
  `PriceOut4`   DOUBLE NULL DEFAULT 0,
  `PriceOut5`   DOUBLE NULL DEFAULT 0,
  `PriceOut6`   DOUBLE NULL DEFAULT 0,
  `PriceOut7`   DOUBLE NULL DEFAULT 0,
  `PriceOut8`   DOUBLE NULL DEFAULT 0,
  `PriceOut9`   DOUBLE NULL DEFAULT 0,
  `PriceOut10`  DOUBLE NULL DEFAULT 0,
  `MinQtty`     DOUBLE NULL DEFAULT 0,
  `NormalQtty`  DOUBLE NULL DEFAULT 0,
  `Description` VARCHAR(255),
  `Type`        INT DEFAULT 0,
  `IsRecipe`    INT DEFAULT 0,
  `TaxGroup`    INT DEFAULT 0,
  `IsVeryUsed`  INT DEFAULT 0,
  `GroupID`     INT DEFAULT 0,
  `Deleted`     INT DEFAULT 0,
  PRIMARY KEY (`ID`), KEY (`Code`), KEY (`BarCode1`), KEY (`BarCode2`), KEY (`BarCode3`),
  KEY (`Catalog1`), KEY (`Catalog2`), KEY (`Catalog3`), KEY (`Name`), KEY (`Name2`), KEY (`GroupID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `goodsgroups` (
  `ID`   INT NOT NULL AUTO_INCREMENT,
  `Name` VARCHAR(255),
  `Code` VARCHAR(255),
  PRIMARY KEY (`ID`), KEY (`Code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `internallog` (
  `ID`      INT NOT NULL AUTO_INCREMENT,
  `Message` VARCHAR(3000),
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `lots` (
  `ID`             INT NOT NULL AUTO_INCREMENT,
  `SerialNo`       VARCHAR(255),
  `EndDate`        DATETIME,
  `ProductionDate` DATETIME,
  `Location`       VARCHAR(255),
  PRIMARY KEY (`ID`), KEY (`SerialNo`), KEY (`EndDate`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `network` (
  `Num`     INT NOT NULL DEFAULT 0,
  `Counter` INT DEFAULT 0,
  PRIMARY KEY (`Num`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `nextacct` (
  `NextAcct` VARCHAR(50) NOT NULL,
  PRIMARY KEY (`NextAcct`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `objects` (
  `ID`         INT NOT NULL AUTO_INCREMENT,
  `Code`       VARCHAR(255),
  `Name`       VARCHAR(255),
  `Name2`      VARCHAR(255),
  `PriceGroup` INT DEFAULT 0,
  `IsVeryUsed` INT DEFAULT 0,
  `GroupID`    INT DEFAULT 0,
  `Deleted`    INT DEFAULT 0,
  PRIMARY KEY (`ID`), KEY (`Code`), KEY (`Name`), KEY (`Name2`), KEY (`GroupID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `objectsgroups` (
  `ID`   INT NOT NULL AUTO_INCREMENT,
  `Code` VARCHAR(255),
  `Name` VARCHAR(255),
  PRIMARY KEY (`ID`), KEY (`Code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `operations` (
  `ID`           INT NOT NULL AUTO_INCREMENT,
  `OperType`     INT DEFAULT 0,
  `Acct`         INT DEFAULT 0,
  `GoodID`       INT DEFAULT 0,
  `PartnerID`    INT DEFAULT 0,
  `ObjectID`     INT DEFAULT 0,
  `OperatorID`   INT DEFAULT 0,
  `Qtty`         DOUBLE NULL DEFAULT 0,
  `Sign`         INT DEFAULT 0,
  `PriceIn`      DOUBLE NULL DEFAULT 0,
  `PriceOut`     DOUBLE NULL DEFAULT 0,
  `VATIn`        DOUBLE NULL DEFAULT 0,
  `VATOut`       DOUBLE NULL DEFAULT 0,
  `Discount`     DOUBLE NULL DEFAULT 0,
  `CurrencyID`   INT DEFAULT 0,
  `CurrencyRate` DOUBLE NULL DEFAULT 0,
  `Date`         DATETIME,
  `Lot`          VARCHAR(50),
  `LotID`        INT DEFAULT 0,
  `Note`         VARCHAR(255),
  `SrcDocID`     INT DEFAULT 0,
  `UserID`       INT DEFAULT 0,
  `UserRealTime` DATETIME,
  PRIMARY KEY (`ID`), KEY (`OperType`), KEY (`Acct`), KEY `OperType_Acct` (`OperType`, `Acct`),
  KEY (`GoodID`), KEY (`PartnerID`), KEY (`ObjectID`), KEY (`OperatorID`), KEY (`CurrencyID`),
  KEY (`Date`), KEY (`Lot`), KEY (`LotID`), KEY (`SrcDocID`), KEY (`UserID`),
  -- added later by the program itself ("EnsureVersion1", patch 1.14.9.3):
  KEY `OperTypeAcct` USING BTREE (`OperType`, `ObjectID`, `Acct`),
  KEY `AveragePriceCalculation` USING BTREE (`GoodID`, `OperType`, `Qtty`, `Sign`, `PriceIn`),
  KEY `AveragePriceCalculation1` USING BTREE (`GoodID`, `PriceIn`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `operationtype` (
  `ID` INT NOT NULL AUTO_INCREMENT,
  `BG` VARCHAR(255), `EN` VARCHAR(255), `DE` VARCHAR(255), `RU` VARCHAR(255),
  `TR` VARCHAR(255), `SQ` VARCHAR(255), `SR` VARCHAR(255), `RO` VARCHAR(255),
  `GR` VARCHAR(255),
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `partners` (
  `ID`           INT NOT NULL AUTO_INCREMENT,
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
  `PriceGroup`   INT DEFAULT 1,
  `Discount`     DOUBLE NULL DEFAULT 0,
  `Type`         INT DEFAULT 0,
  `IsVeryUsed`   INT,
  `UserID`       INT,
  `GroupID`      INT DEFAULT 0,
  `UserRealTime` DATETIME,
  `Deleted`      INT DEFAULT 0,
  `CardNumber`   VARCHAR(255),
  `Note1`        VARCHAR(255),
  `Note2`        VARCHAR(255),
  `PaymentDays`  INT DEFAULT 0,
  PRIMARY KEY (`ID`), KEY (`Code`), KEY (`Company`), KEY (`MOL`), KEY (`TaxNo`), KEY (`Bulstat`),
  KEY (`BankCode`), KEY (`BankVATCode`), KEY (`UserID`), KEY (`GroupID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `partnersgroups` (
  `ID`   INT NOT NULL AUTO_INCREMENT,
  `Code` VARCHAR(255),
  `Name` VARCHAR(255),
  PRIMARY KEY (`ID`), KEY (`Code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `payments` (
  `ID`                INT NOT NULL AUTO_INCREMENT,
  `Acct`              DOUBLE NULL DEFAULT 0,
  `OperType`          INT DEFAULT 0,
  `PartnerID`         INT DEFAULT 0,
  `ObjectID`          INT DEFAULT 0,
  `Qtty`              DOUBLE NULL DEFAULT 0,
  `Mode`              INT DEFAULT 0,
  `Sign`              INT DEFAULT 0,
  `Date`              DATETIME,
  `UserID`            INT DEFAULT 0,
  `UserRealTime`      DATETIME,
  `Type`              INT DEFAULT 0,
  `TransactionNumber` VARCHAR(255),
  `EndDate`           DATETIME,
  PRIMARY KEY (`ID`), KEY (`Acct`), KEY (`OperType`), KEY (`PartnerID`), KEY (`ObjectID`),
  KEY (`Date`), KEY (`UserID`), KEY (`EndDate`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `paymenttypes` (
  `ID`            INT NOT NULL AUTO_INCREMENT,
  `Name`          VARCHAR(255),
  `PaymentMethod` INT DEFAULT 0,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `pricerules` (
  `ID`       INT NOT NULL AUTO_INCREMENT,
  `Name`     VARCHAR(255),
  `Formula`  VARCHAR(1000),
  `Enabled`  INT DEFAULT 0,
  `Priority` INT DEFAULT 0,
  PRIMARY KEY (`ID`), KEY (`Name`), KEY (`Formula`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `registration` (
  `ID`           INT NOT NULL AUTO_INCREMENT,
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
  `UserID`       INT,
  `UserRealTime` DATETIME,
  `IsDefault`    INT DEFAULT 0,
  `Note1`        VARCHAR(255),
  `Note2`        VARCHAR(255),
  `Deleted`      INT DEFAULT 0,
  PRIMARY KEY (`ID`), KEY (`Code`), KEY (`Company`), KEY (`MOL`), KEY (`TaxNo`), KEY (`Bulstat`),
  KEY (`BankCode`), KEY (`UserID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `store` (
  `ID`       INT NOT NULL AUTO_INCREMENT,
  `ObjectID` INT DEFAULT 0,
  `GoodID`   INT DEFAULT 0,
  `Qtty`     DOUBLE NULL DEFAULT 0,
  `Price`    DOUBLE NULL DEFAULT 0,
  `Lot`      VARCHAR(250),
  `LotID`    INT DEFAULT 0,
  `LotOrder` INT DEFAULT 0,
  PRIMARY KEY (`ID`), KEY (`GoodID`), KEY (`ObjectID`), KEY (`Lot`), KEY (`LotID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `system` (
  `Version`    VARCHAR(20) NOT NULL,
  `ProductID`  INT DEFAULT 0,
  `LastBackup` DATETIME,
  PRIMARY KEY (`Version`), KEY (`ProductID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `transformations` (
  `ID`           INT NOT NULL AUTO_INCREMENT,
  `RootOperType` INT DEFAULT 0,
  `RootAcct`     INT DEFAULT 0,
  `FromOperType` INT DEFAULT 0,
  `FromAcct`     INT DEFAULT 0,
  `ToOperType`   INT DEFAULT 0,
  `ToAcct`       INT DEFAULT 0,
  `UserID`       INT DEFAULT 0,
  `UserRealTime` DATETIME,
  PRIMARY KEY (`ID`), KEY (`RootOperType`), KEY (`RootAcct`), KEY (`FromOperType`), KEY (`FromAcct`),
  KEY (`ToOperType`), KEY (`ToAcct`), KEY (`UserID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `users` (
  `ID`         INT NOT NULL AUTO_INCREMENT,
  `Code`       VARCHAR(255),
  `Name`       VARCHAR(255),
  `Name2`      VARCHAR(255),
  `IsVeryUsed` INT DEFAULT 0,
  `GroupID`    INT DEFAULT 0,
  `Password`   VARCHAR(50),
  `UserLevel`  INT DEFAULT 0,
  `Deleted`    INT DEFAULT 0,
  `CardNumber` VARCHAR(255),
  PRIMARY KEY (`ID`), KEY (`Code`), KEY (`Name`), KEY (`Name2`), KEY (`GroupID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `usersgroups` (
  `ID`   INT NOT NULL AUTO_INCREMENT,
  `Code` VARCHAR(255),
  `Name` VARCHAR(255),
  PRIMARY KEY (`ID`), KEY (`Code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `userssecurity` (
  `ID`          INT NOT NULL AUTO_INCREMENT,
  `UserID`      INT DEFAULT 0,
  `ControlName` VARCHAR(100),
  `State`       INT DEFAULT 0,
  PRIMARY KEY (`ID`), KEY (`UserID`), KEY (`ControlName`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `vatgroups` (
  `ID`       INT NOT NULL AUTO_INCREMENT,
  `Code`     VARCHAR(255),
  `Name`     VARCHAR(255),
  `VATValue` DOUBLE NULL DEFAULT 0,
  PRIMARY KEY (`ID`), KEY (`Code`), KEY (`Name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE `customconfig` (
  `ID`       INT NOT NULL AUTO_INCREMENT,
  `Category` VARCHAR(45) NOT NULL,
  `Profile`  VARCHAR(45) NOT NULL,
  `Data`     LONGBLOB,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
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

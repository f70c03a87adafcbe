-- datachat sample dataset: a synthetic Brazilian e-commerce marketplace (SQLite).
-- Money is BRL with 2 decimals (REAL); timestamps are UTC text 'YYYY-MM-DD HH:MM:SS';
-- dates are text 'YYYY-MM-DD'; booleans are 0/1. Business notes: table-notes.md.
-- Keep column names and order identical to schema.postgres.sql and data/<table>.csv.

CREATE TABLE categories (
    category_id INTEGER NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    parent_id   INTEGER REFERENCES categories (category_id),
    CHECK (parent_id IS NULL OR parent_id < category_id)
);

CREATE TABLE sellers (
    seller_id INTEGER NOT NULL PRIMARY KEY,
    name      TEXT    NOT NULL,
    city      TEXT    NOT NULL,
    state     TEXT    NOT NULL CHECK (length(state) = 2),
    joined_at TEXT    NOT NULL
);

CREATE TABLE customers (
    customer_id INTEGER NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    email       TEXT    UNIQUE,
    city        TEXT,
    state       TEXT    NOT NULL CHECK (length(state) = 2),
    signup_at   TEXT    NOT NULL,
    segment     TEXT    NOT NULL CHECK (segment IN ('consumer', 'small_business', 'corporate'))
);

CREATE TABLE products (
    product_id  INTEGER NOT NULL PRIMARY KEY,
    seller_id   INTEGER NOT NULL REFERENCES sellers (seller_id),
    category_id INTEGER NOT NULL REFERENCES categories (category_id),
    name        TEXT    NOT NULL,
    list_price  REAL    NOT NULL CHECK (list_price > 0),
    weight_g    INTEGER CHECK (weight_g > 0),
    created_at  TEXT    NOT NULL,
    is_active   INTEGER NOT NULL CHECK (is_active IN (0, 1))
);

CREATE TABLE orders (
    order_id                INTEGER NOT NULL PRIMARY KEY,
    customer_id             INTEGER NOT NULL REFERENCES customers (customer_id),
    status                  TEXT    NOT NULL CHECK (status IN ('pending', 'processing', 'invoiced', 'shipped',
                                                               'delivered', 'returned', 'cancelled', 'unavailable')),
    ordered_at              TEXT    NOT NULL,
    approved_at             TEXT,
    shipped_at              TEXT,
    delivered_at            TEXT,
    estimated_delivery_date TEXT    NOT NULL,
    CHECK (approved_at IS NULL OR approved_at >= ordered_at),
    CHECK (shipped_at IS NULL OR shipped_at >= approved_at),
    CHECK (delivered_at IS NULL OR delivered_at >= shipped_at),
    CHECK (approved_at IS NOT NULL OR status IN ('pending', 'cancelled')),
    CHECK (shipped_at IS NOT NULL OR status NOT IN ('shipped', 'delivered', 'returned')),
    CHECK (shipped_at IS NULL OR status IN ('shipped', 'delivered', 'returned')),
    CHECK (delivered_at IS NULL OR status IN ('delivered', 'returned'))
);

CREATE TABLE order_items (
    order_id      INTEGER NOT NULL REFERENCES orders (order_id),
    item_seq      INTEGER NOT NULL CHECK (item_seq >= 1),
    product_id    INTEGER NOT NULL REFERENCES products (product_id),
    seller_id     INTEGER NOT NULL REFERENCES sellers (seller_id),
    quantity      INTEGER NOT NULL CHECK (quantity >= 1),
    unit_price    REAL    NOT NULL CHECK (unit_price > 0),
    freight_value REAL    NOT NULL CHECK (freight_value >= 0),
    PRIMARY KEY (order_id, item_seq)
);

CREATE TABLE payments (
    order_id     INTEGER NOT NULL REFERENCES orders (order_id),
    payment_seq  INTEGER NOT NULL CHECK (payment_seq >= 1),
    method       TEXT    NOT NULL CHECK (method IN ('credit_card', 'debit_card', 'pix', 'boleto', 'voucher')),
    installments INTEGER NOT NULL CHECK (installments BETWEEN 1 AND 12),
    amount       REAL    NOT NULL CHECK (amount > 0),
    PRIMARY KEY (order_id, payment_seq),
    CHECK (installments = 1 OR method = 'credit_card')
);

CREATE TABLE reviews (
    review_id   INTEGER NOT NULL PRIMARY KEY,
    order_id    INTEGER NOT NULL UNIQUE REFERENCES orders (order_id),
    score       INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
    title       TEXT,
    comment     TEXT,
    created_at  TEXT    NOT NULL,
    answered_at TEXT,
    CHECK (answered_at IS NULL OR answered_at >= created_at)
);

CREATE INDEX categories_parent_id ON categories (parent_id);
CREATE INDEX products_seller_id ON products (seller_id);
CREATE INDEX products_category_id ON products (category_id);
CREATE INDEX orders_customer_id ON orders (customer_id);
CREATE INDEX orders_ordered_at ON orders (ordered_at);
CREATE INDEX order_items_product_id ON order_items (product_id);
CREATE INDEX order_items_seller_id ON order_items (seller_id);

-- datachat sample dataset: a synthetic Brazilian e-commerce marketplace (PostgreSQL 15).
-- Money is BRL numeric(12,2); timestamps are timestamptz, stored and shipped in UTC (load the CSVs
-- with the session TimeZone set to 'UTC'); dates are date. Business notes: table-notes.md.
-- Keep column names and order identical to schema.sqlite.sql and data/<table>.csv.
-- Statuses and methods are text + CHECK rather than enum types, so both engines agree.

CREATE TABLE categories (
    category_id integer NOT NULL PRIMARY KEY,
    name        text    NOT NULL UNIQUE,
    parent_id   integer REFERENCES categories (category_id),
    CHECK (parent_id IS NULL OR parent_id < category_id)
);

CREATE TABLE sellers (
    seller_id integer     NOT NULL PRIMARY KEY,
    name      text        NOT NULL,
    city      text        NOT NULL,
    state     text        NOT NULL CHECK (length(state) = 2),
    joined_at timestamptz NOT NULL
);

CREATE TABLE customers (
    customer_id integer     NOT NULL PRIMARY KEY,
    name        text        NOT NULL,
    email       text        UNIQUE,
    city        text,
    state       text        NOT NULL CHECK (length(state) = 2),
    signup_at   timestamptz NOT NULL,
    segment     text        NOT NULL CHECK (segment IN ('consumer', 'small_business', 'corporate'))
);

CREATE TABLE products (
    product_id  integer       NOT NULL PRIMARY KEY,
    seller_id   integer       NOT NULL REFERENCES sellers (seller_id),
    category_id integer       NOT NULL REFERENCES categories (category_id),
    name        text          NOT NULL,
    list_price  numeric(12,2) NOT NULL CHECK (list_price > 0),
    weight_g    integer       CHECK (weight_g > 0),
    created_at  timestamptz   NOT NULL,
    is_active   boolean       NOT NULL
);

CREATE TABLE orders (
    order_id                integer     NOT NULL PRIMARY KEY,
    customer_id             integer     NOT NULL REFERENCES customers (customer_id),
    status                  text        NOT NULL CHECK (status IN ('pending', 'processing', 'invoiced', 'shipped',
                                                                   'delivered', 'returned', 'cancelled', 'unavailable')),
    ordered_at              timestamptz NOT NULL,
    approved_at             timestamptz,
    shipped_at              timestamptz,
    delivered_at            timestamptz,
    estimated_delivery_date date        NOT NULL,
    CHECK (approved_at IS NULL OR approved_at >= ordered_at),
    CHECK (shipped_at IS NULL OR shipped_at >= approved_at),
    CHECK (delivered_at IS NULL OR delivered_at >= shipped_at),
    CHECK (approved_at IS NOT NULL OR status IN ('pending', 'cancelled')),
    CHECK (shipped_at IS NOT NULL OR status NOT IN ('shipped', 'delivered', 'returned')),
    CHECK (shipped_at IS NULL OR status IN ('shipped', 'delivered', 'returned')),
    CHECK (delivered_at IS NULL OR status IN ('delivered', 'returned'))
);

CREATE TABLE order_items (
    order_id      integer       NOT NULL REFERENCES orders (order_id),
    item_seq      integer       NOT NULL CHECK (item_seq >= 1),
    product_id    integer       NOT NULL REFERENCES products (product_id),
    seller_id     integer       NOT NULL REFERENCES sellers (seller_id),
    quantity      integer       NOT NULL CHECK (quantity >= 1),
    unit_price    numeric(12,2) NOT NULL CHECK (unit_price > 0),
    freight_value numeric(12,2) NOT NULL CHECK (freight_value >= 0),
    PRIMARY KEY (order_id, item_seq)
);

CREATE TABLE payments (
    order_id     integer       NOT NULL REFERENCES orders (order_id),
    payment_seq  integer       NOT NULL CHECK (payment_seq >= 1),
    method       text          NOT NULL CHECK (method IN ('credit_card', 'debit_card', 'pix', 'boleto', 'voucher')),
    installments integer       NOT NULL CHECK (installments BETWEEN 1 AND 12),
    amount       numeric(12,2) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (order_id, payment_seq),
    CHECK (installments = 1 OR method = 'credit_card')
);

CREATE TABLE reviews (
    review_id   integer     NOT NULL PRIMARY KEY,
    order_id    integer     NOT NULL UNIQUE REFERENCES orders (order_id),
    score       integer     NOT NULL CHECK (score BETWEEN 1 AND 5),
    title       text,
    comment     text,
    created_at  timestamptz NOT NULL,
    answered_at timestamptz,
    CHECK (answered_at IS NULL OR answered_at >= created_at)
);

CREATE INDEX categories_parent_id ON categories (parent_id);
CREATE INDEX products_seller_id ON products (seller_id);
CREATE INDEX products_category_id ON products (category_id);
CREATE INDEX orders_customer_id ON orders (customer_id);
CREATE INDEX orders_ordered_at ON orders (ordered_at);
CREATE INDEX order_items_product_id ON order_items (product_id);
CREATE INDEX order_items_seller_id ON order_items (seller_id);

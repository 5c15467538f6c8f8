package dev.idemlint.python;

import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Python expressions the analyzer understands. Everything else becomes {@link Opaque}, which keeps
 * its sub-expressions so that walkers still see calls nested inside comprehensions, lambdas and
 * the like.
 */
public sealed interface Expr {
    Span span();

    /**
     * Direct sub-expressions, in source order. Each record gives either this list or {@link #childCount} with
     * {@link #child}; the defaults derive the one from the other.
     */
    default List<Expr> children() {
        int n = childCount();
        List<Expr> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(child(i));
        }
        return out;
    }

    /**
     * How many direct sub-expressions there are; with {@link #child} a walker visits them without the
     * list and its iterator ({@code children()} and iterators were a tenth of a run's allocation).
     */
    default int childCount() {
        return children().size();
    }

    /** The {@code i}-th of {@link #children()}. */
    default Expr child(int i) {
        return children().get(i);
    }

    /** {@code foo}. */
    record Name(String id, Span span) implements Expr {
        @Override
        public int childCount() {
            return 0;
        }
    }

    /** {@code value.attr}; {@code attrSpan} covers the attribute name only. */
    record Attribute(Expr value, String attr, Span attrSpan, Span span) implements Expr {
        @Override
        public int childCount() {
            return 1;
        }

        @Override
        public Expr child(int i) {
            Objects.checkIndex(i, 1);
            return value;
        }
    }

    /** {@code func(args)}; {@code argsSpan} covers the parentheses themselves, both included. */
    record Call(Expr func, List<Arg> args, Span argsSpan, Span span) implements Expr {
        @Override
        public int childCount() {
            return 1 + args.size();
        }

        @Override
        public Expr child(int i) {
            return i == 0 ? func : args.get(i - 1).value();
        }

        /** The keyword argument named {@code name}, or null. */
        public Arg keyword(String name) {
            // indexed: rules and the model ask this for every call, and the iterator was 3% of a run
            for (int i = 0, n = args.size(); i < n; i++) {
                Arg a = args.get(i);
                if (name.equals(a.keyword())) {
                    return a;
                }
            }
            return null;
        }

        /** The i-th positional argument (0-based), or null. Stops at the first star argument. */
        public Expr positional(int i) {
            int n = 0;
            for (int k = 0, size = args.size(); k < size; k++) {
                Arg a = args.get(k);
                if (a.keyword() != null) {
                    continue;
                }
                if (a.star() != 0) {
                    return null;
                }
                if (n++ == i) {
                    return a.value();
                }
            }
            return null;
        }

        public boolean hasStarArgs() {
            for (Arg a : args) {
                if (a.star() != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * One string literal, or several adjacent ones (implicit concatenation), or an f-string.
     * {@code value} is the decoded text; for f-strings the replacement fields appear as
     * {@link StrPiece#dynamic()} pieces.
     */
    record Str(List<StrPiece> pieces, boolean bytes, Span span) implements Expr {
        public List<Expr> children() {
            var out = new ArrayList<Expr>();
            for (StrPiece p : pieces) {
                if (p.expr() != null) {
                    out.add(p.expr());
                }
            }
            return out;
        }

        @Override
        public int childCount() {
            int n = 0;
            for (int k = 0, size = pieces.size(); k < size; k++) {
                if (pieces.get(k).expr() != null) {
                    n++;
                }
            }
            return n;
        }

        @Override
        public Expr child(int i) {
            int n = 0;
            for (int k = 0, size = pieces.size(); k < size; k++) {
                Expr e = pieces.get(k).expr();
                if (e != null && n++ == i) {
                    return e;
                }
            }
            throw new IndexOutOfBoundsException(i);
        }

        /** True when no piece is an f-string replacement field. */
        public boolean isConstant() {
            for (StrPiece p : pieces) {
                if (p.dynamic()) {
                    return false;
                }
            }
            return true;
        }

        /** The decoded value with every replacement field dropped. */
        public String constantText() {
            StringBuilder sb = new StringBuilder();
            for (StrPiece p : pieces) {
                if (!p.dynamic()) {
                    sb.append(p.text());
                }
            }
            return sb.toString();
        }
    }

    /** {@code 1}, {@code 1.5}, {@code 0x1F}: kept as source text. */
    record Num(String text, Span span) implements Expr {
        @Override
        public int childCount() {
            return 0;
        }
    }

    /** {@code True}, {@code False}, {@code None}, {@code ...}. */
    record Const(String text, Span span) implements Expr {
        @Override
        public int childCount() {
            return 0;
        }
    }

    /** {@code (a, b)} or a bare {@code a, b}. */
    record Tuple(List<Expr> elements, Span span) implements Expr {
        public List<Expr> children() {
            return elements;
        }
    }

    /** {@code [a, b]}. */
    record ListExpr(List<Expr> elements, Span span) implements Expr {
        public List<Expr> children() {
            return elements;
        }
    }

    /** {@code {k: v}}; a {@code **spread} entry has a null key. */
    record Dict(List<Expr> keys, List<Expr> values, Span span) implements Expr {
        public List<Expr> children() {
            return items(keys, values);
        }

        /** Each key (none for a {@code **} entry) and then its value, in source order; a new list. */
        static List<Expr> items(List<Expr> keys, List<Expr> values) {
            var out = new ArrayList<Expr>();
            for (int i = 0; i < values.size(); i++) {
                if (keys.get(i) != null) {
                    out.add(keys.get(i));
                }
                out.add(values.get(i));
            }
            return out;
        }
    }

    /** Binary arithmetic: {@code op} is the operator text ({@code +}, {@code %}, ...). */
    record BinOp(Expr left, String op, Expr right, Span span) implements Expr {
        @Override
        public int childCount() {
            return 2;
        }

        @Override
        public Expr child(int i) {
            return switch (i) {
                case 0 -> left;
                case 1 -> right;
                default -> throw new IndexOutOfBoundsException(i);
            };
        }
    }

    /** {@code not x}, {@code -x}, {@code ~x}; {@code op} is the operator text. */
    record UnaryOp(String op, Expr operand, Span span) implements Expr {
        public List<Expr> children() {
            return List.of(operand);
        }
    }

    /** {@code a and b}, {@code a or b}: {@code op} is "and" or "or". */
    record BoolOp(String op, List<Expr> values, Span span) implements Expr {
        public List<Expr> children() {
            return values;
        }

        /**
         * Its truth, given each operand's ({@code truth}: null when undecided), asked left to right until one
         * decides: a false operand decides an {@code and}, a true one an {@code or}; else null when one is null.
         */
        public Boolean truth(Function<Expr, Boolean> truth) {
            boolean and = op.equals("and");
            boolean undecided = false;
            for (Expr v : values) {
                Boolean one = truth.apply(v);
                if (one == null) {
                    undecided = true;
                } else if (one != and) {
                    return one;
                }
            }
            return undecided ? null : and;
        }
    }

    /** {@code a < b}, {@code a not in b}, chained; ops are the operator texts, single-spaced ("not in", "is not"). */
    record Compare(Expr left, List<String> ops, List<Expr> comparators, Span span) implements Expr {
        @Override
        public int childCount() {
            return 1 + comparators.size();
        }

        @Override
        public Expr child(int i) {
            return i == 0 ? left : comparators.get(i - 1);
        }
    }

    /** {@code value[index]}; slices become an Opaque index. */
    record Subscript(Expr value, Expr index, Span span) implements Expr {
        public List<Expr> children() {
            return List.of(value, index);
        }
    }

    /**
     * Anything else (lambda, comprehension, conditional expression, await, yield, starred, walrus,
     * set, slice...). {@code kind} is a short label for debugging ("lambda", "listcomp"...).
     */
    record Opaque(String kind, List<Expr> children, Span span) implements Expr {
    }
}
